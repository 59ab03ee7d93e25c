// v2 user endpoints: search, lookups, me, followers/following, follow/unfollow.
import type {
  InlineErrorV2,
  UserV2FollowResult,
  UserV2Result,
  UsersV2Result,
  UserV2TimelineResult,
  UserV2UnfollowResult,
} from 'twitter-api-v2';
import { requireSelf } from '../auth';
import { json, queryValue, type Reply, type RequestContext } from '../context';
import { maxResults, paginate } from '../pagination';
import { clientNotEnrolled, invalidRequest, userLookupError } from '../problems';
import { includesForUsers, renderUser } from '../render';
import type { User } from '../state';
import {
  type Api,
  type ApiRoute,
  checkId,
  jsonObject,
  READ_FOLLOWS,
  READ_USERS,
  renderOptionsFor,
  stringField,
  WRITE_FOLLOWS,
} from './api';

const USERNAME = /^[A-Za-z0-9_]{1,15}$/;
const SEARCH_QUERY = /^[A-Za-z0-9_' ]{1,50}$/;

/** Only errors, no data: what X answers (status 200) when nothing requested was found. */
type ErrorsOnly = { errors: InlineErrorV2[] };
/** An empty page: X leaves out `data` and sends only the count. */
type EmptyPage = { meta: { result_count: 0 } };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Name and handle tokens a search word can match (accents folded, hyphens split). */
function searchTokens(user: User): string[] {
  const nameTokens = fold(user.name)
    .split(/[\s\-‐]+/u)
    .filter(Boolean);
  const handle = user.username.toLowerCase();
  return [...nameTokens, ...nameTokens.map((t) => t.replace(/'/g, '')), handle, ...handle.split('_')];
}

function userPage(
  ctx: RequestContext,
  api: Api,
  users: User[],
  param: string,
  listing: string,
  size: number,
): Reply {
  const page = paginate(users, ctx.query, param, listing, size);
  if (!page.items.length) {
    const empty: EmptyPage = { meta: { result_count: 0 } };
    return json(empty);
  }
  const options = renderOptionsFor(ctx, api, 'users');
  const body: UserV2TimelineResult = {
    data: page.items.map((u) => renderUser(u, options)),
    meta: { result_count: page.items.length },
  };
  if (page.nextToken) body.meta.next_token = page.nextToken;
  if (page.previousToken) body.meta.previous_token = page.previousToken;
  const includes = includesForUsers(page.items, options);
  if (includes) body.includes = includes;
  return json(body);
}

function search(ctx: RequestContext, api: Api): Reply {
  if (api.faults.usersSearchForbidden) throw clientNotEnrolled(api.appId);
  const query = queryValue(ctx, 'query');
  if (query === undefined || !SEARCH_QUERY.test(query)) {
    throw invalidRequest(
      'query',
      [query ?? ''],
      `The \`query\` query parameter value [${query ?? ''}] does not match ^[A-Za-z0-9_' ]{1,50}$`,
    );
  }
  const size = maxResults(ctx.query, 1, 1000, 100);
  const words = fold(query).split(' ').filter(Boolean);
  const scored = [...api.state.users.values()]
    .filter((user) => api.state.isActive(user))
    .filter((user) => {
      const tokens = searchTokens(user);
      return words.every((word) => tokens.some((token) => token.startsWith(word)));
    })
    .map((user) => ({
      user,
      exact: fold(user.name) === words.join(' ') || user.username.toLowerCase() === words.join(''),
      followers: api.state.followersOf(user.id).length,
    }))
    // exact name or handle matches first, then the better-followed; ids keep the order stable
    .sort(
      (a, b) =>
        Number(b.exact) - Number(a.exact) || b.followers - a.followers || (a.user.id < b.user.id ? -1 : 1),
    );
  return userPage(
    ctx,
    api,
    scored.map((s) => s.user),
    'next_token',
    `search:${words.join(' ')}`,
    size,
  );
}

function single(
  ctx: RequestContext,
  api: Api,
  user: User | undefined,
  parameter: string,
  value: string,
): Reply {
  if (!api.state.isActive(user)) {
    const body: ErrorsOnly = { errors: [userLookupError(user, parameter, value)] };
    return json(body);
  }
  const options = renderOptionsFor(ctx, api, 'users');
  const body: UserV2Result = { data: renderUser(user, options) };
  const includes = includesForUsers([user], options);
  if (includes) body.includes = includes;
  return json(body);
}

function byUsername(ctx: RequestContext, api: Api): Reply {
  const username = ctx.params.username ?? '';
  if (!USERNAME.test(username)) {
    throw invalidRequest(
      'username',
      [username],
      `The \`username\` query parameter value [${username}] does not match ^[A-Za-z0-9_]{1,15}$`,
    );
  }
  return single(ctx, api, api.state.userByUsername(username), 'username', username);
}

function byUsernames(ctx: RequestContext, api: Api): Reply {
  const raw = queryValue(ctx, 'usernames');
  if (!raw) throw invalidRequest('usernames', [''], 'The `usernames` query parameter can not be empty');
  const names = raw.split(',');
  if (names.length > 100) {
    throw invalidRequest(
      'usernames',
      [raw],
      'The number of values in the `usernames` query parameter must be at most 100',
    );
  }
  for (const name of names) {
    if (!USERNAME.test(name)) {
      throw invalidRequest(
        'usernames',
        [raw],
        `The \`usernames\` query parameter value [${name}] does not match ^[A-Za-z0-9_]{1,15}$`,
      );
    }
  }
  const found: User[] = [];
  const errors: InlineErrorV2[] = [];
  for (const name of names) {
    const user = api.state.userByUsername(name);
    if (api.state.isActive(user)) found.push(user);
    else errors.push(userLookupError(user, 'usernames', name));
  }
  if (!found.length) {
    const body: ErrorsOnly = { errors };
    return json(body);
  }
  const options = renderOptionsFor(ctx, api, 'users');
  const body: UsersV2Result = { data: found.map((u) => renderUser(u, options)) };
  const includes = includesForUsers(found, options);
  if (includes) body.includes = includes;
  if (errors.length) body.errors = errors;
  return json(body);
}

function byId(ctx: RequestContext, api: Api): Reply {
  const id = checkId('id', ctx.params.id);
  return single(ctx, api, api.state.users.get(id), 'id', id);
}

function graph(direction: 'followers' | 'following') {
  return (ctx: RequestContext, api: Api): Reply => {
    const id = checkId('id', ctx.params.id);
    const user = api.state.users.get(id);
    if (!api.state.isActive(user)) {
      const body: ErrorsOnly = { errors: [userLookupError(user, 'id', id)] };
      return json(body);
    }
    const size = maxResults(ctx.query, 1, 1000, 100);
    const users = (direction === 'followers' ? api.state.followersOf(id) : api.state.followingOf(id)).filter(
      (other) => api.state.isActive(other),
    );
    return userPage(ctx, api, users, 'pagination_token', `${direction}:${id}`, size);
  };
}

function follow(ctx: RequestContext, api: Api, caller: { userId: string }): Reply {
  requireSelf(caller, ctx.params.id);
  const targetId = checkId('target_user_id', stringField(jsonObject(ctx), 'target_user_id'));
  const target = api.state.users.get(targetId);
  if (!target) {
    throw invalidRequest(
      'target_user_id',
      [targetId],
      `Could not find user with target_user_id: [${targetId}].`,
    );
  }
  if (targetId === caller.userId) {
    throw invalidRequest('target_user_id', [targetId], 'You cannot follow yourself.');
  }
  // A protected account gets a follow request instead of a follow.
  if (!target.protected) api.state.follow(caller.userId, targetId);
  const body: UserV2FollowResult = {
    data: { following: !target.protected, pending_follow: target.protected },
  };
  return json(body);
}

function unfollow(ctx: RequestContext, api: Api, caller: { userId: string }): Reply {
  requireSelf(caller, ctx.params.source_user_id);
  const targetId = checkId('target_user_id', ctx.params.target_user_id);
  api.state.unfollow(caller.userId, targetId);
  const body: UserV2UnfollowResult = { data: { following: false } };
  return json(body);
}

function me(ctx: RequestContext, api: Api, caller: { userId: string }): Reply {
  return single(ctx, api, api.state.users.get(caller.userId), 'id', caller.userId);
}

// Order matters: fixed paths before the `:id` catch-alls.
export const USER_ROUTES: ApiRoute[] = [
  { method: 'GET', template: '/2/users/search', scopes: READ_USERS, handler: search },
  { method: 'GET', template: '/2/users/me', scopes: READ_USERS, handler: me },
  { method: 'GET', template: '/2/users/by/username/:username', scopes: READ_USERS, handler: byUsername },
  { method: 'GET', template: '/2/users/by', scopes: READ_USERS, handler: byUsernames },
  { method: 'GET', template: '/2/users/:id', scopes: READ_USERS, handler: byId },
  { method: 'GET', template: '/2/users/:id/followers', scopes: READ_FOLLOWS, handler: graph('followers') },
  { method: 'GET', template: '/2/users/:id/following', scopes: READ_FOLLOWS, handler: graph('following') },
  { method: 'POST', template: '/2/users/:id/following', scopes: WRITE_FOLLOWS, handler: follow },
  {
    method: 'DELETE',
    template: '/2/users/:source_user_id/following/:target_user_id',
    scopes: WRITE_FOLLOWS,
    handler: unfollow,
  },
];
