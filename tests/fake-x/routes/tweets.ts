// v2 post endpoints: timelines, mentions, recent search, lookup, create/delete, reposts and likes.
import type {
  InlineErrorV2,
  TweetV2DeleteTweetResult,
  TweetV2LikeResult,
  TweetV2LookupResult,
  TweetV2PaginableTimelineResult,
  TweetV2PostTweetResult,
  TweetV2RetweetResult,
  TweetV2SingleResult,
  Tweetv2SearchResult,
} from 'twitter-api-v2';
import { requireSelf } from '../auth';
import type { Caller } from '../auth';
import { json, queryValue, type Reply, type RequestContext } from '../context';
import { MAX_WEIGHTED_LENGTH, shortenUrls, weightedLength } from '../entities';
import { maxResults, paginate } from '../pagination';
import {
  duplicateContent,
  forbidden,
  HttpError,
  invalidRequest,
  PROBLEM_TYPES,
  resourceNotFound,
  userLookupError,
} from '../problems';
import { includesForPosts, referenceErrors, renderTweet } from '../render';
import { sentText } from '../sent-text';
import { matches, parseSearchQuery } from '../search-query';
import type { Post } from '../state';
import { SEVEN_DAYS_MS, timeWindow } from '../time-window';
import {
  type Api,
  type ApiRoute,
  checkId,
  jsonObject,
  READ_TWEETS,
  renderOptionsFor,
  stringField,
  WRITE_LIKES,
  WRITE_TWEETS,
} from './api';

type ErrorsOnly = { errors: InlineErrorV2[] };
type EmptyTimeline = { meta: { result_count: 0; next_token?: string } };

/** Can the caller read this author's posts? Protected accounts only show to followers and themselves. */
export function canSee(api: Api, caller: Caller, authorId: string): boolean {
  const author = api.state.users.get(authorId);
  return (
    api.state.isActive(author) &&
    (!author.protected || author.id === caller.userId || api.state.isFollowing(caller.userId, author.id))
  );
}

function timelinePage(
  ctx: RequestContext,
  api: Api,
  posts: Post[],
  param: 'pagination_token' | 'next_token',
  listing: string,
  size: number,
): Reply {
  const page = paginate(posts, ctx.query, param, listing, size);
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  if (!first || !last) {
    const empty: EmptyTimeline = { meta: { result_count: 0 } };
    return json(empty);
  }
  const options = renderOptionsFor(ctx, api, 'tweets');
  const body: TweetV2PaginableTimelineResult & Tweetv2SearchResult = {
    data: page.items.map((p) => renderTweet(p, options)),
    meta: { newest_id: first.id, oldest_id: last.id, result_count: page.items.length },
  };
  if (page.nextToken) body.meta.next_token = page.nextToken;
  // search/recent has no previous_token; the user timelines do
  if (page.previousToken && param === 'pagination_token') body.meta.previous_token = page.previousToken;
  const includes = includesForPosts(page.items, options);
  if (includes) body.includes = includes;
  const errors = referenceErrors(page.items, options);
  if (errors.length) body.errors = errors;
  return json(body);
}

function notAuthorized(id: string): ErrorsOnly {
  return {
    errors: [
      {
        value: id,
        detail: `Sorry, you are not authorized to see the user with id: [${id}].`,
        title: 'Authorization Error',
        resource_type: 'user',
        parameter: 'id',
        resource_id: id,
        type: `${PROBLEM_TYPES}not-authorized-for-resource`,
      },
    ],
  };
}

function userTimeline(kind: 'tweets' | 'mentions') {
  return (ctx: RequestContext, api: Api, caller: Caller): Reply => {
    const id = checkId('id', ctx.params.id);
    const user = api.state.users.get(id);
    if (!api.state.isActive(user))
      return json({ errors: [userLookupError(user, 'id', id)] } satisfies ErrorsOnly);
    if (kind === 'tweets' && !canSee(api, caller, id)) return json(notAuthorized(id));
    const size = maxResults(ctx.query, 5, 100, 10);
    const exclude = new Set((queryValue(ctx, 'exclude') ?? '').split(',').filter(Boolean));
    const inWindow = timeWindow(ctx.query);
    const posts = api.state.postsNewestFirst((post) => {
      if (!inWindow(post)) return false;
      if (kind === 'tweets') {
        if (post.authorId !== id) return false;
        if (exclude.has('retweets') && post.repostOf) return false;
        if (exclude.has('replies') && post.inReplyToPostId) return false;
        return true;
      }
      // A reply carries the @handle of whom it answers, so X lists replies among the mentions.
      // A thread's own replies answer the author but mention no one.
      const mentioned =
        (post.entities.mentions ?? []).some((m) => m.id === id) ||
        (post.inReplyToUserId === id && post.authorId !== id);
      return mentioned && canSee(api, caller, post.authorId);
    });
    return timelinePage(ctx, api, posts, 'pagination_token', `${kind}:${id}`, size);
  };
}

function searchRecent(ctx: RequestContext, api: Api, caller: Caller): Reply {
  const raw = queryValue(ctx, 'query');
  if (raw === undefined) throw invalidRequest('query', [''], 'The `query` query parameter can not be empty');
  const query = parseSearchQuery(raw, api.state);
  const size = maxResults(ctx.query, 10, 100, 10);
  const since = api.clock.now() - SEVEN_DAYS_MS;
  const inWindow = timeWindow(ctx.query, since);
  const posts = api.state.postsNewestFirst(
    (post) =>
      post.createdAt >= since && inWindow(post) && canSee(api, caller, post.authorId) && matches(query, post),
  );
  return timelinePage(ctx, api, posts, 'next_token', `search:${raw}`, size);
}

function lookup(ctx: RequestContext, api: Api, caller: Caller): Reply {
  const id = checkId('id', ctx.params.id);
  const post = api.state.posts.get(id);
  if (!post || !canSee(api, caller, post.authorId)) {
    return json({ errors: [resourceNotFound('tweet', 'id', id)] } satisfies ErrorsOnly);
  }
  const options = renderOptionsFor(ctx, api, 'tweets');
  const body: TweetV2SingleResult = { data: renderTweet(post, options) };
  const includes = includesForPosts([post], options);
  if (includes) body.includes = includes;
  const errors = referenceErrors([post], options);
  if (errors.length) body.errors = errors;
  return json(body);
}

/** GET /2/tweets?ids=: up to 100 posts; those missing or hidden come back as `errors` beside `data`. */
function lookupMany(ctx: RequestContext, api: Api, caller: Caller): Reply {
  const raw = queryValue(ctx, 'ids');
  if (!raw) throw invalidRequest('ids', [''], 'The `ids` query parameter can not be empty');
  const ids = raw.split(',');
  if (ids.length > 100) {
    throw invalidRequest(
      'ids',
      [raw],
      'The number of values in the `ids` query parameter must be at most 100',
    );
  }
  for (const id of ids) checkId('ids', id);
  const found: Post[] = [];
  const errors: InlineErrorV2[] = [];
  for (const id of ids) {
    const post = api.state.posts.get(id);
    if (post && canSee(api, caller, post.authorId)) found.push(post);
    else errors.push(resourceNotFound('tweet', 'ids', id));
  }
  if (!found.length) return json({ errors } satisfies ErrorsOnly);
  const options = renderOptionsFor(ctx, api, 'tweets');
  const body: TweetV2LookupResult = { data: found.map((post) => renderTweet(post, options)) };
  const includes = includesForPosts(found, options);
  if (includes) body.includes = includes;
  if (errors.length) body.errors = errors;
  return json(body);
}

function create(ctx: RequestContext, api: Api, caller: Caller): Reply {
  const body = jsonObject(ctx);
  const text = stringField(body, 'text');
  if (weightedLength(text) > MAX_WEIGHTED_LENGTH) {
    throw forbidden('You are not allowed to create a Tweet with more than 280 characters.');
  }
  let inReplyToPostId: string | undefined;
  if (body.reply !== undefined) {
    const reply = body.reply as Record<string, unknown> | null;
    const id = typeof reply?.in_reply_to_tweet_id === 'string' ? reply.in_reply_to_tweet_id : '';
    checkId('reply.in_reply_to_tweet_id', id);
    const parent = api.state.posts.get(id);
    if (!parent || !canSee(api, caller, parent.authorId)) {
      throw forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.');
    }
    inReplyToPostId = id;
  }
  // X refuses the same text twice from one account; compare what would be stored (t.co links).
  const stored = shortenUrls(text).text;
  const duplicate = [...api.state.posts.values()].some(
    (p) => p.authorId === caller.userId && !p.repostOf && p.text === stored,
  );
  if (duplicate) throw duplicateContent();
  const post = api.state.createPost({
    authorId: caller.userId,
    text,
    at: api.clock.now(),
    ...(inReplyToPostId ? { inReplyToPostId } : {}),
  });
  // X also sends edit_history_tweet_ids here, which the library's type does not list.
  const data = { id: post.id, text: sentText(post.text, false).text, edit_history_tweet_ids: [post.id] };
  const result: TweetV2PostTweetResult = { data };
  return json(result, 201);
}

function remove(ctx: RequestContext, api: Api, caller: Caller): Reply {
  const id = checkId('id', ctx.params.id);
  const post = api.state.posts.get(id);
  if (post && post.authorId !== caller.userId) {
    throw forbidden('You are not authorized to delete this Tweet.');
  }
  if (post) api.state.posts.delete(id);
  const body: TweetV2DeleteTweetResult = { data: { deleted: !!post } };
  return json(body);
}

function targetPost(api: Api, caller: Caller, id: string): Post {
  const post = api.state.posts.get(checkId('tweet_id', id));
  if (!post || !canSee(api, caller, post.authorId)) {
    throw new HttpError(400, {
      errors: [{ parameters: { tweet_id: [id] }, message: `Could not find tweet with tweet_id: [${id}].` }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: `${PROBLEM_TYPES}invalid-request`,
    });
  }
  return post;
}

function repost(ctx: RequestContext, api: Api, caller: Caller): Reply {
  requireSelf(caller, ctx.params.id);
  const post = targetPost(api, caller, stringField(jsonObject(ctx), 'tweet_id'));
  const key = `${caller.userId}:${post.id}`;
  if (!api.state.retweets.has(key)) {
    const author = api.state.users.get(post.authorId);
    const copy = api.state.createPost({
      authorId: caller.userId,
      // stored whole; X cuts it when it sends it (sent-text.ts)
      text: `RT @${author?.username ?? ''}: ${post.text}`,
      at: api.clock.now(),
      repostOf: post.id,
      lang: post.lang,
    });
    api.state.retweets.set(key, copy.id);
  }
  // X's description (v2.167) requires rest_id: the id of the repost itself, the post that
  // DELETE …/retweets/:id removes. twitter-api-v2's result type predates it.
  const data = { retweeted: true, rest_id: api.state.retweets.get(key) ?? '' };
  const body: TweetV2RetweetResult = { data };
  return json(body);
}

function undoRepost(ctx: RequestContext, api: Api, caller: Caller): Reply {
  requireSelf(caller, ctx.params.id);
  const key = `${caller.userId}:${checkId('tweet_id', ctx.params.tweet_id)}`;
  const copy = api.state.retweets.get(key);
  if (copy) api.state.posts.delete(copy);
  api.state.retweets.delete(key);
  const body: TweetV2RetweetResult = { data: { retweeted: false } };
  return json(body);
}

function like(ctx: RequestContext, api: Api, caller: Caller): Reply {
  requireSelf(caller, ctx.params.id);
  const post = targetPost(api, caller, stringField(jsonObject(ctx), 'tweet_id'));
  api.state.likes.add(`${caller.userId}:${post.id}`);
  const body: TweetV2LikeResult = { data: { liked: true } };
  return json(body);
}

function unlike(ctx: RequestContext, api: Api, caller: Caller): Reply {
  requireSelf(caller, ctx.params.id);
  api.state.likes.delete(`${caller.userId}:${checkId('tweet_id', ctx.params.tweet_id)}`);
  const body: TweetV2LikeResult = { data: { liked: false } };
  return json(body);
}

export const TWEET_ROUTES: ApiRoute[] = [
  { method: 'GET', template: '/2/tweets/search/recent', scopes: READ_TWEETS, handler: searchRecent },
  { method: 'POST', template: '/2/tweets', scopes: WRITE_TWEETS, handler: create },
  { method: 'GET', template: '/2/tweets', scopes: READ_TWEETS, handler: lookupMany },
  { method: 'GET', template: '/2/tweets/:id', scopes: READ_TWEETS, handler: lookup },
  { method: 'DELETE', template: '/2/tweets/:id', scopes: WRITE_TWEETS, handler: remove },
  { method: 'GET', template: '/2/users/:id/tweets', scopes: READ_TWEETS, handler: userTimeline('tweets') },
  {
    method: 'GET',
    template: '/2/users/:id/mentions',
    scopes: READ_TWEETS,
    handler: userTimeline('mentions'),
  },
  { method: 'POST', template: '/2/users/:id/retweets', scopes: WRITE_TWEETS, handler: repost },
  {
    method: 'DELETE',
    template: '/2/users/:id/retweets/:tweet_id',
    scopes: WRITE_TWEETS,
    handler: undoRepost,
  },
  { method: 'POST', template: '/2/users/:id/likes', scopes: WRITE_LIKES, handler: like },
  { method: 'DELETE', template: '/2/users/:id/likes/:tweet_id', scopes: WRITE_LIKES, handler: unlike },
];
