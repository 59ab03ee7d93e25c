import type { IDBPDatabase } from 'idb';
import type { TwitterApi, UserV2 } from 'twitter-api-v2';
import { t } from '../i18n';
import { actingAccount, getAccount, writeAccount } from '../store/accounts';
import { effectiveAppKeys } from '../store/app-keys';
import type { Account, XCrmDb } from '../store/schema';
import { refreshOauth2 } from './auth/pkce-sign-in';
import { XCache } from './cache';
import { createXClient, type XFetch } from './client';
import { answerProblem } from './answer-errors';
import { toXError, XError } from './errors';
import { toPerson, USER_FIELDS, type XPerson } from './people';
import { unescapeX } from './post-text';
import { inlineErrors, type PostsAnswer, postsFromAnswer, type XPost } from './post-view';
import {
  isOwnedRead,
  PEOPLE_PAGE_SIZE,
  PEOPLE_SEARCH_PAGE_SIZE,
  PRICE_USD,
  postPrice,
  readUnitPrice,
} from './prices';
import { RateLimits, type SpentLimitStore } from './rate-limits';
import { linksOf, type XLink } from './same-post';
import { timelineOwner } from './timeline-owner';
import { recordUsage, spentOn, utcDay } from './usage';
import { writingAccount } from './writing-account';

export type { XPost } from './post-view';

/** What one call billed: an operation, its unit price and the resources X charges for. */
interface Bill {
  operation: string;
  unitUsd: number;
  resources: string[];
}

/** A post of the acting account as the outbox compares it: its text and when X made it. */
export interface XOwnPost {
  id: string;
  text: string;
  createdAt: string | null;
  /** The post's links as X made them (`entities.urls`): t.co `url` and `expandedUrl`. */
  links: XLink[];
}

/**
 * Asked for on every post read: `note_tweet` so a long post comes whole, `referenced_tweets`
 * so a repost or quote can be shown with its original (X's data dictionary, Post object).
 */
const TWEET_FIELDS = ['created_at', 'public_metrics', 'entities', 'note_tweet', 'referenced_tweets'] as const;
/** The posts a repost or quote points at, and their authors, come in `includes`. */
const POST_EXPANSIONS = 'author_id,referenced_tweets.id,referenced_tweets.id.author_id';
const HOUR = 60 * 60 * 1000;
/** An access token this close to expiry is refreshed before use. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * What a page of posts billed: every post and user in it, expansions included, as X bills them.
 * `owned`: the posts are the acting account's own (or mention it) and it owns the X app, so
 * they are Owned Reads; their authors are still read at the user price.
 */
function postsBill(page: { billedPosts: string[]; billedUsers: string[] }, owned = false): Bill[] {
  return [
    {
      operation: 'read-post',
      unitUsd: readUnitPrice(PRICE_USD.readPost, owned),
      resources: page.billedPosts.map((id) => `post:${id}`),
    },
    {
      operation: 'read-user',
      unitUsd: PRICE_USD.readUser,
      resources: page.billedUsers.map((id) => `user:${id}`),
    },
  ];
}

/** One person from a user lookup's answer; X's inline error when it sent none. */
function personOf(answer: { data?: unknown; errors?: unknown }): XPerson | null {
  if (answer.data) return toPerson(answer.data);
  const errors = inlineErrors(answer);
  // Deactivated and unknown accounts are "not found"; only a stated reason is worth an error.
  if (errors[0]?.detail?.startsWith('User has been suspended')) throw answerProblem(errors);
  return null;
}

const people = (users: readonly UserV2[] | undefined) =>
  (users ?? []).map(toPerson).filter((person): person is XPerson => person !== null);

export interface XServiceOptions {
  db: () => Promise<IDBPDatabase<XCrmDb>>;
  fetch?: XFetch;
  now?: () => number;
  /** Freshness windows; the settings can change them. */
  freshness?: () => Promise<{ profileMs: number; postsMs: number }>;
  /** The daily budget in USD (manager or policy), or null for none. */
  dailyBudget?: () => Promise<number | null>;
  /** Where spent rate limits outlive the worker; none keeps them in memory only. */
  limitStore?: SpentLimitStore;
}

/** A post found by a search, with its author. */
export interface XSearchPost extends XPost {
  authorId: string;
  authorName: string;
  authorHandle: string;
}

/** A page of search results, with the token for the next page. */
export interface SearchPage {
  posts: XSearchPost[];
  nextToken: string | null;
}

/** A page of followers or following, with the token for the next page. */
export interface PeoplePage {
  people: XPerson[];
  nextToken: string | null;
}

/**
 * Every X capability the pages ask for, acting as a chosen enabled account or the default.
 * Reads go through the cache; every call passes the rate-limit gate first.
 */
export class XService {
  readonly limits: RateLimits;
  readonly cache: XCache;

  constructor(private readonly options: XServiceOptions) {
    this.limits = new RateLimits(options.now, options.limitStore ?? null);
    this.cache = new XCache(options.db, options.now);
  }

  private async freshness() {
    return (await this.options.freshness?.()) ?? { profileMs: 24 * HOUR, postsMs: 15 * 60 * 1000 };
  }

  /**
   * The client for the acting account, or an error saying what is missing. A write goes out
   * only as the chosen account (see writingAccount): never as the default in its place.
   */
  async clientFor(
    accountId?: string | null,
    forWrite = false,
  ): Promise<{ client: TwitterApi; account: Account }> {
    const db = await this.options.db();
    const keys = await effectiveAppKeys(db);
    const account = forWrite ? await writingAccount(db, accountId) : await actingAccount(db, accountId);
    if (!account) throw new XError('needs-sign-in', t('xNoAccount'));
    if (account.needsSignIn) throw new XError('needs-sign-in', t('xNeedsSignIn'));
    await this.limits.ready();
    const gate = this.limits.gateFor(account.xUserId);
    if (account.oauth1) {
      if (!keys) throw new XError('keys-missing', t('xKeysMissing'));
      const tokens = {
        appKey: keys.consumerKey,
        appSecret: keys.consumerSecret,
        accessToken: account.oauth1.token,
        accessSecret: account.oauth1.tokenSecret,
      };
      return { client: createXClient(tokens, this.options.fetch, gate), account };
    }
    if (account.oauth2) {
      const fresh = await this.freshOauth2(account, keys?.clientId ?? '');
      return {
        client: createXClient(fresh.oauth2?.accessToken ?? '', this.options.fetch, gate),
        account: fresh,
      };
    }
    throw new XError('needs-sign-in', t('xNeedsSignIn'));
  }

  private readonly refreshing = new Map<string, Promise<Account>>();

  /**
   * An OAuth 2.0 account whose access token is good for another minute. Refreshes of one
   * account share one request: X rotates the refresh token, so a second refresh with the
   * old one would fail and lock the account out.
   */
  private freshOauth2(account: Account, clientId: string): Promise<Account> {
    if (account.oauth2 && account.oauth2.expiresAt - this.now() > REFRESH_MARGIN_MS)
      return Promise.resolve(account);
    let pending = this.refreshing.get(account.xUserId);
    if (!pending) {
      pending = this.refreshOauth2(account.xUserId, clientId).finally(() =>
        this.refreshing.delete(account.xUserId),
      );
      this.refreshing.set(account.xUserId, pending);
    }
    return pending;
  }

  private async refreshOauth2(xUserId: string, clientId: string): Promise<Account> {
    const db = await this.options.db();
    // Read again: a refresh that finished before a worker restart already stored new tokens.
    const current = await getAccount(db, xUserId);
    if (!current?.oauth2) throw new XError('needs-sign-in', t('xNeedsSignIn'));
    if (current.oauth2.expiresAt - this.now() > REFRESH_MARGIN_MS) return current;
    const spent = current.oauth2.refreshToken;
    try {
      if (!spent || !clientId) throw new XError('needs-sign-in', t('xNeedsSignIn'));
      const tokens = await refreshOauth2(clientId, spent, this.options.fetch);
      // Only the tokens change, in the row as it is now: an edit made while X answered stays,
      // and a new sign-in stored meanwhile (another refresh token) is newer than this grant.
      const updated = await writeAccount(db, xUserId, (now) =>
        now?.oauth2?.refreshToken === spent ? { ...now, oauth2: tokens } : null,
      );
      if (!updated?.oauth2 || updated.needsSignIn) throw new XError('needs-sign-in', t('xNeedsSignIn'));
      return updated;
    } catch (error) {
      const problem = toXError(error);
      // Offline or X down: try again later. Refused: the grant is gone; say so once, not on every call.
      if (problem.problem !== 'offline' && problem.problem !== 'x-unavailable') {
        await writeAccount(db, xUserId, (now) =>
          now?.oauth2?.refreshToken === spent ? { ...now, needsSignIn: true } : null,
        );
        throw new XError('needs-sign-in', t('xNeedsSignIn'));
      }
      throw problem;
    }
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  /** Billable reads stop once today's estimated spend reaches the budget. */
  private async checkBudget(): Promise<void> {
    const budget = await this.options.dailyBudget?.();
    if (budget === null || budget === undefined) return;
    const spent = await spentOn(await this.options.db(), utcDay(this.now()));
    if (spent >= budget) throw new XError('budget', t('xBudgetSpent', `$${budget.toFixed(2)}`));
  }

  /**
   * One X call as the acting account: budget checked for reads, errors mapped, and what it
   * billed recorded. `bill` names the operation, unit price and billed resources of the answer.
   */
  private async call<T>(
    accountId: string | null | undefined,
    kind: 'read' | 'write',
    work: (client: TwitterApi, account: Account) => Promise<T>,
    bill: (result: T, account: Account) => Bill | Bill[],
  ): Promise<T> {
    if (kind === 'read') await this.checkBudget();
    const { client, account } = await this.clientFor(accountId, kind === 'write');
    let result: T;
    try {
      result = await work(client, account);
    } catch (error) {
      throw toXError(error);
    }
    const db = await this.options.db();
    for (const billed of [bill(result, account)].flat()) {
      await recordUsage(db, { accountId: account.xUserId, at: this.now(), ...billed });
    }
    return result;
  }

  private readPeople = (people: XPerson[], owned = false) => ({
    operation: 'read-user',
    unitUsd: readUnitPrice(PRICE_USD.readUser, owned),
    resources: people.map((person) => `user:${person.id}`),
  });

  /** Posts read; an Owned Read when they are the acting account's own and it owns the app. */
  private readPosts = (posts: readonly { id: string }[], owned = false) => ({
    operation: 'read-post',
    unitUsd: readUnitPrice(PRICE_USD.readPost, owned),
    resources: posts.map((post) => `post:${post.id}`),
  });

  /** A write is billed every time it is made: its resource is unique. */
  private write(operation: string, unitUsd: number) {
    return () => ({ operation, unitUsd, resources: [`${operation}:${crypto.randomUUID()}`] });
  }

  /**
   * One page of the people X finds for a (folded) name, `PEOPLE_SEARCH_PAGE_SIZE` at a time:
   * the first page with `token` null, the next with the page's `nextToken` (null on the last).
   * Each person is billed as a user read, so a page is asked for only when a person looks.
   */
  async searchPeople(
    query: string,
    token: string | null = null,
    accountId?: string | null,
  ): Promise<PeoplePage> {
    const { profileMs } = await this.freshness();
    return this.cache.read(`search:${query.toLowerCase()}:${token ?? ''}`, profileMs, () =>
      this.call(
        accountId,
        'read',
        async (client) => {
          const result = await client.v2.get<{ data?: UserV2[]; meta?: { next_token?: string } }>(
            'users/search',
            {
              query,
              max_results: PEOPLE_SEARCH_PAGE_SIZE,
              'user.fields': USER_FIELDS.join(','),
              ...(token ? { next_token: token } : {}),
            },
          );
          return { people: people(result.data), nextToken: result.meta?.next_token ?? null };
        },
        (page) => this.readPeople(page.people),
      ),
    );
  }

  async personByHandle(handle: string, accountId?: string | null): Promise<XPerson | null> {
    const { profileMs } = await this.freshness();
    return this.cache.read(`handle:${handle.toLowerCase()}`, profileMs, () =>
      this.call(
        accountId,
        'read',
        async (client) => {
          return personOf(await client.v2.userByUsername(handle, { 'user.fields': [...USER_FIELDS] }));
        },
        (person) => this.readPeople(person ? [person] : []),
      ),
    );
  }

  async personById(id: string, accountId?: string | null): Promise<XPerson | null> {
    const { profileMs } = await this.freshness();
    return this.cache.read(`user:${id}`, profileMs, () =>
      this.call(
        accountId,
        'read',
        async (client) => {
          const result = await client.v2.user(id, { 'user.fields': [...USER_FIELDS] });
          // An associated person who is gone: say what X said rather than show nothing.
          if (!result.data && result.errors?.length) throw answerProblem(inlineErrors(result));
          return personOf(result);
        },
        (person) => this.readPeople(person ? [person] : []),
      ),
    );
  }

  /**
   * A person's latest posts, reposts shown as their originals. A protected account read by a
   * non-follower, a suspended one, or any answer with X's errors and no posts is thrown as
   * what X said, and so never cached as "no posts".
   */
  async recentPosts(userId: string, accountId?: string | null): Promise<XPost[]> {
    const refused = this.postsRefused.get(userId);
    this.postsRefused.delete(userId);
    if (refused && this.now() - refused.at < 60_000) throw refused.problem;
    const { postsMs } = await this.freshness();
    return this.cache.read(`posts:${userId}`, postsMs, async () => {
      const page = await this.call(
        accountId,
        'read',
        async (client) => {
          const answer = await client.v2.get<PostsAnswer>(`users/${userId}/tweets`, {
            max_results: 10,
            'tweet.fields': [...TWEET_FIELDS, 'author_id'].join(','),
            expansions: POST_EXPANSIONS,
            'user.fields': 'name,username',
          });
          const errors = inlineErrors(answer);
          if (!answer.data && errors.length) throw answerProblem(errors);
          return postsFromAnswer(answer);
        },
        (answer, account) => postsBill(answer, isOwnedRead(account, userId)),
      );
      return page.posts;
    });
  }

  /** Timelines X refused while a view read them with the person (see personForView), by user id. */
  private readonly postsRefused = new Map<string, { problem: XError; at: number }>();

  /**
   * The associated person for a record's view, with their recent posts read in the same round
   * trip: a timeline read with `expansions=author_id` and the profile's user fields brings the
   * person in `includes.users` (X docs, "Fields and expansions"), billed as the user read it
   * replaces, so the price is unchanged and the view waits for one call instead of two. Both
   * answers are cached, so the panel's posts then cost nothing. A person still fresh in the
   * cache costs no call (the posts are read when shown, if stale). When the person has no
   * posts X sends no `includes`, and when X refuses the timeline (protected, suspended) it
   * sends only errors: the person is then looked up on their own, a second call, and a refusal
   * is kept a minute so the panel's posts show it without asking X again.
   *
   * @returns the person, or null when X has none by that id
   * @throws XError as personById does
   */
  async personForView(userId: string, accountId?: string | null): Promise<XPerson | null> {
    const { profileMs, postsMs } = await this.freshness();
    const fresh =
      (await this.cache.isFresh(`user:${userId}`, profileMs)) ||
      (await this.cache.isFresh(`posts:${userId}`, postsMs));
    if (fresh) return this.personById(userId, accountId);
    const read = await this.call(
      accountId,
      'read',
      async (client) => {
        const answer = await client.v2.get<PostsAnswer>(`users/${userId}/tweets`, {
          max_results: 10,
          'tweet.fields': [...TWEET_FIELDS, 'author_id'].join(','),
          expansions: POST_EXPANSIONS,
          'user.fields': USER_FIELDS.join(','),
        });
        const errors = inlineErrors(answer);
        if (!answer.data && errors.length) return { refused: answerProblem(errors), page: null };
        return { refused: null, page: { ...postsFromAnswer(answer), person: timelineOwner(answer, userId) } };
      },
      ({ page }, account) => (page ? postsBill(page, isOwnedRead(account, userId)) : []),
    );
    const { page } = read;
    if (read.refused || !page) {
      if (read.refused) this.postsRefused.set(userId, { problem: read.refused, at: this.now() });
      return this.personById(userId, accountId);
    }
    await this.cache.put(`posts:${userId}`, page.posts);
    if (!page.person) return this.personById(userId, accountId);
    await this.cache.put(`user:${userId}`, page.person);
    return page.person;
  }

  /** One page of a person's followers or following; loaded only when the user asks. */
  async peoplePage(
    userId: string,
    list: 'followers' | 'following',
    token: string | null,
    accountId?: string | null,
  ): Promise<PeoplePage> {
    return this.call(
      accountId,
      'read',
      async (client) => {
        const options = {
          max_results: PEOPLE_PAGE_SIZE,
          'user.fields': [...USER_FIELDS],
          ...(token ? { pagination_token: token } : {}),
        };
        const page = await (list === 'followers'
          ? client.v2.followers(userId, options)
          : client.v2.following(userId, options));
        return { people: people(page.data), nextToken: page.meta?.next_token ?? null };
      },
      (page, account) => this.readPeople(page.people, isOwnedRead(account, userId)),
    );
  }

  async follow(targetId: string, accountId?: string | null): Promise<void> {
    await this.call(
      accountId,
      'write',
      async (client, account) => {
        await client.v2.follow(account.xUserId, targetId);
      },
      this.write('follow', PRICE_USD.follow),
    );
  }

  async unfollow(targetId: string, accountId?: string | null): Promise<void> {
    await this.call(
      accountId,
      'write',
      async (client, account) => {
        await client.v2.unfollow(account.xUserId, targetId);
      },
      this.write('unfollow', PRICE_USD.undo),
    );
  }

  async like(postId: string, undo: boolean, accountId?: string | null): Promise<void> {
    await this.call(
      accountId,
      'write',
      async (client, account) => {
        await (undo ? client.v2.unlike(account.xUserId, postId) : client.v2.like(account.xUserId, postId));
      },
      this.write(undo ? 'unlike' : 'like', undo ? PRICE_USD.undo : PRICE_USD.like),
    );
  }

  async repost(postId: string, undo: boolean, accountId?: string | null): Promise<void> {
    await this.call(
      accountId,
      'write',
      async (client, account) => {
        await (undo
          ? client.v2.unretweet(account.xUserId, postId)
          : client.v2.retweet(account.xUserId, postId));
      },
      this.write(undo ? 'unrepost' : 'repost', undo ? PRICE_USD.undo : PRICE_USD.repost),
    );
  }

  /**
   * Recent posts (X's last 7 days) matching a search query, newest first, one page of 10.
   * Each post is billed once a day as a post read; the authors come with it as an expansion.
   * Reposts are left out (`-is:retweet`) unless the query names `is:retweet` itself: a repost
   * repeats a post the search usually finds anyway, yet is billed as one more post read.
   */
  async searchRecent(
    query: string,
    nextToken: string | null,
    accountId?: string | null,
  ): Promise<SearchPage> {
    const asked = /(^|\s|\()-?is:retweet\b/i.test(query) ? query : `${query} -is:retweet`;
    const page = await this.call(
      accountId,
      'read',
      async (client) => {
        const result = await client.v2.get<PostsAnswer & { meta?: { next_token?: string } }>(
          'tweets/search/recent',
          {
            query: asked.length <= 512 ? asked : query,
            max_results: 10,
            // X includes author_id in a post only when asked for, expansion or not.
            'tweet.fields': [...TWEET_FIELDS, 'author_id'].join(','),
            expansions: POST_EXPANSIONS,
            'user.fields': 'name,username',
            ...(nextToken ? { next_token: nextToken } : {}),
          },
        );
        return { ...postsFromAnswer(result), nextToken: result.meta?.next_token ?? null };
      },
      (answer) => postsBill(answer),
    );
    const posts = page.posts.map((post) => ({
      ...post,
      authorId: post.author?.id ?? '',
      authorName: post.author?.name ?? '',
      authorHandle: post.author?.handle ?? '',
    }));
    return { posts, nextToken: page.nextToken };
  }

  /**
   * Looks up handles 100 at a time (GET /2/users/by), for importing a CRM export's Twitter
   * column. Answers by lower-cased handle; handles X does not know are simply absent.
   */
  async peopleByHandles(
    handles: readonly string[],
    accountId?: string | null,
  ): Promise<Map<string, XPerson>> {
    const found = new Map<string, XPerson>();
    const unique = [...new Set(handles.map((handle) => handle.toLowerCase()))];
    for (let start = 0; start < unique.length; start += 100) {
      const batch = unique.slice(start, start + 100);
      const batchPeople = await this.call(
        accountId,
        'read',
        async (client) => {
          const result = await client.v2.get<{ data?: UserV2[] }>('users/by', {
            usernames: batch.join(','),
            'user.fields': USER_FIELDS.join(','),
          });
          return people(result.data);
        },
        (found) => this.readPeople(found),
      );
      for (const person of batchPeople) found.set(person.handle.toLowerCase(), person);
    }
    return found;
  }

  /** Creates a post or a reply. Never retried here: a write is not sent twice blindly. */
  async post(text: string, replyToPostId: string | null, hasUrl: boolean, accountId?: string | null) {
    return this.call(
      accountId,
      'write',
      async (client) => {
        const result = await client.v2.tweet(
          replyToPostId ? { text, reply: { in_reply_to_tweet_id: replyToPostId } } : { text },
        );
        return { id: result.data.id, text: result.data.text };
      },
      this.write('post', postPrice(hasUrl)),
    );
  }

  /**
   * The acting account's latest posts, never from the cache: the outbox asks whether a post
   * it could not confirm reached X, and only X's answer of now can say.
   */
  async ownRecentPosts(accountId?: string | null): Promise<XOwnPost[]> {
    return this.call(
      accountId,
      'read',
      async (client, account) => {
        const timeline = await client.v2.userTimeline(account.xUserId, {
          max_results: 10,
          'tweet.fields': ['created_at', 'entities'],
          exclude: ['retweets'],
        });
        return (timeline.tweets ?? []).map((tweet) => ({
          id: tweet.id,
          // X sends `text` escaped; the outbox compares it with what was typed.
          text: unescapeX(String(tweet.text ?? '')),
          createdAt: tweet.created_at ?? null,
          links: linksOf(tweet.entities?.urls),
        }));
      },
      (posts, account) => this.readPosts(posts, isOwnedRead(account, account.xUserId)),
    );
  }

  /** Recent posts that mention a person. */
  async mentions(userId: string, accountId?: string | null): Promise<XPost[]> {
    const { postsMs } = await this.freshness();
    return this.cache.read(`mentions:${userId}`, postsMs, async () => {
      const page = await this.call(
        accountId,
        'read',
        async (client) =>
          postsFromAnswer(
            await client.v2.get<PostsAnswer>(`users/${userId}/mentions`, {
              max_results: 10,
              'tweet.fields': [...TWEET_FIELDS, 'author_id'].join(','),
              expansions: POST_EXPANSIONS,
              'user.fields': 'name,username',
            }),
          ),
        (answer, account) => postsBill(answer, isOwnedRead(account, userId)),
      );
      return page.posts;
    });
  }
}
