import type { IDBPDatabase } from 'idb';
import type { TweetV2, TwitterApi, UserV2 } from 'twitter-api-v2';
import { t } from '../i18n';
import { actingAccount, getAccount } from '../store/accounts';
import { effectiveAppKeys } from '../store/app-keys';
import type { Account, XCrmDb } from '../store/schema';
import { refreshOauth2 } from './auth/pkce-sign-in';
import { XCache } from './cache';
import { createXClient, type XFetch } from './client';
import { toXError, XError } from './errors';
import { toPerson, USER_FIELDS, type XPerson } from './people';
import { PEOPLE_PAGE_SIZE, PRICE_USD, postPrice } from './prices';
import { RateLimits, type SpentLimitStore } from './rate-limits';
import { linksOf, type XLink } from './same-post';
import { recordUsage, spentOn, utcDay } from './usage';

/** A post as the panel shows it. */
export interface XPost {
  id: string;
  text: string;
  createdAt: string | null;
  likes: number;
  reposts: number;
  replies: number;
}

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

const TWEET_FIELDS = ['created_at', 'public_metrics', 'entities'] as const;
const HOUR = 60 * 60 * 1000;
/** An access token this close to expiry is refreshed before use. */
const REFRESH_MARGIN_MS = 60_000;

function toPost(tweet: TweetV2): XPost {
  return {
    id: tweet.id,
    text: String(tweet.text ?? '').slice(0, 4000),
    createdAt: tweet.created_at ?? null,
    likes: tweet.public_metrics?.like_count ?? 0,
    reposts: tweet.public_metrics?.retweet_count ?? 0,
    replies: tweet.public_metrics?.reply_count ?? 0,
  };
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

  /** The client for the acting account, or an error saying what is missing. */
  async clientFor(accountId?: string | null): Promise<{ client: TwitterApi; account: Account }> {
    const db = await this.options.db();
    const keys = await effectiveAppKeys(db);
    const account = await actingAccount(db, accountId);
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
    try {
      if (!current.oauth2.refreshToken || !clientId) throw new XError('needs-sign-in', t('xNeedsSignIn'));
      const tokens = await refreshOauth2(clientId, current.oauth2.refreshToken, this.options.fetch);
      const updated: Account = { ...current, oauth2: tokens };
      // One put: the rotated refresh token is stored whole or not at all.
      await db.put('accounts', updated);
      return updated;
    } catch (error) {
      const problem = toXError(error);
      // Offline or X down: try again later. Refused: the grant is gone; say so once, not on every call.
      if (problem.problem !== 'offline' && problem.problem !== 'x-unavailable') {
        await db.put('accounts', { ...current, needsSignIn: true });
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
    bill: (result: T) => Bill | Bill[],
  ): Promise<T> {
    if (kind === 'read') await this.checkBudget();
    const { client, account } = await this.clientFor(accountId);
    let result: T;
    try {
      result = await work(client, account);
    } catch (error) {
      throw toXError(error);
    }
    const db = await this.options.db();
    for (const billed of [bill(result)].flat()) {
      await recordUsage(db, { accountId: account.xUserId, at: this.now(), ...billed });
    }
    return result;
  }

  private readPeople = (people: XPerson[]) => ({
    operation: 'read-user',
    unitUsd: PRICE_USD.readUser,
    resources: people.map((person) => `user:${person.id}`),
  });

  /** A write is billed every time it is made: its resource is unique. */
  private write(operation: string, unitUsd: number) {
    return () => ({ operation, unitUsd, resources: [`${operation}:${crypto.randomUUID()}`] });
  }

  /** People X finds for a (folded) name. */
  async searchPeople(query: string, accountId?: string | null): Promise<XPerson[]> {
    const { profileMs } = await this.freshness();
    return this.cache.read(`search:${query.toLowerCase()}`, profileMs, () =>
      this.call(
        accountId,
        'read',
        async (client) => {
          const result = await client.v2.get<{ data?: UserV2[] }>('users/search', {
            query,
            max_results: 20,
            'user.fields': USER_FIELDS.join(','),
          });
          return people(result.data);
        },
        this.readPeople,
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
          const result = await client.v2.userByUsername(handle, { 'user.fields': [...USER_FIELDS] });
          return result.data ? toPerson(result.data) : null;
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
          return result.data ? toPerson(result.data) : null;
        },
        (person) => this.readPeople(person ? [person] : []),
      ),
    );
  }

  async recentPosts(userId: string, accountId?: string | null): Promise<XPost[]> {
    const { postsMs } = await this.freshness();
    return this.cache.read(`posts:${userId}`, postsMs, () =>
      this.call(
        accountId,
        'read',
        async (client) => {
          const timeline = await client.v2.userTimeline(userId, {
            max_results: 10,
            'tweet.fields': [...TWEET_FIELDS],
            exclude: ['retweets'],
          });
          return (timeline.tweets ?? []).map(toPost);
        },
        (posts) => ({
          operation: 'read-post',
          unitUsd: PRICE_USD.readPost,
          resources: posts.map((p) => `post:${p.id}`),
        }),
      ),
    );
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
      (page) => this.readPeople(page.people),
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
   */
  async searchRecent(
    query: string,
    nextToken: string | null,
    accountId?: string | null,
  ): Promise<SearchPage> {
    return this.call(
      accountId,
      'read',
      async (client) => {
        const result = await client.v2.get<{
          data?: TweetV2[];
          includes?: { users?: UserV2[] };
          meta?: { next_token?: string };
        }>('tweets/search/recent', {
          query,
          max_results: 10,
          // X includes author_id in a post only when asked for, expansion or not.
          'tweet.fields': [...TWEET_FIELDS, 'author_id'].join(','),
          expansions: 'author_id',
          'user.fields': 'name,username',
          ...(nextToken ? { next_token: nextToken } : {}),
        });
        const authors = new Map((result.includes?.users ?? []).map((user) => [user.id, user]));
        const posts = (result.data ?? []).map((tweet) => {
          const author = authors.get(tweet.author_id ?? '');
          return {
            ...toPost(tweet),
            authorId: String(tweet.author_id ?? ''),
            authorName: String(author?.name ?? '').slice(0, 200),
            authorHandle: String(author?.username ?? '').slice(0, 50),
          };
        });
        return { posts, nextToken: result.meta?.next_token ?? null };
      },
      (page) => [
        {
          operation: 'read-post',
          unitUsd: PRICE_USD.readPost,
          resources: page.posts.map((post) => `post:${post.id}`),
        },
        // The authors come as an expansion, and X bills them as user reads.
        {
          operation: 'read-user',
          unitUsd: PRICE_USD.readUser,
          resources: [...new Set(page.posts.map((post) => `user:${post.authorId}`))],
        },
      ],
    );
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
        this.readPeople,
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
          text: String(tweet.text ?? ''),
          createdAt: tweet.created_at ?? null,
          links: linksOf(tweet.entities?.urls),
        }));
      },
      (posts) => ({
        operation: 'read-post',
        unitUsd: PRICE_USD.readPost,
        resources: posts.map((post) => `post:${post.id}`),
      }),
    );
  }

  /** Recent posts that mention a person. */
  async mentions(userId: string, accountId?: string | null): Promise<XPost[]> {
    const { postsMs } = await this.freshness();
    return this.cache.read(`mentions:${userId}`, postsMs, () =>
      this.call(
        accountId,
        'read',
        async (client) => {
          const timeline = await client.v2.userMentionTimeline(userId, {
            max_results: 10,
            'tweet.fields': [...TWEET_FIELDS],
          });
          return (timeline.tweets ?? []).map(toPost);
        },
        (posts) => ({
          operation: 'read-post',
          unitUsd: PRICE_USD.readPost,
          resources: posts.map((p) => `post:${p.id}`),
        }),
      ),
    );
  }
}
