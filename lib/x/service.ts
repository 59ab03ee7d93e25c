import type { IDBPDatabase } from 'idb';
import type { TweetV2, TwitterApi, UserV2 } from 'twitter-api-v2';
import { t } from '../i18n';
import { actingAccount } from '../store/accounts';
import { getAppKeys } from '../store/app-keys';
import type { Account, XCrmDb } from '../store/schema';
import { XCache } from './cache';
import { createXClient, type XFetch } from './client';
import { toXError, XError } from './errors';
import { toPerson, USER_FIELDS, type XPerson } from './people';
import { RateLimits } from './rate-limits';

/** A post as the panel shows it. */
export interface XPost {
  id: string;
  text: string;
  createdAt: string | null;
  likes: number;
  reposts: number;
  replies: number;
}

const TWEET_FIELDS = ['created_at', 'public_metrics', 'entities'] as const;
const HOUR = 60 * 60 * 1000;

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
}

/**
 * Every X capability the pages ask for, acting as a chosen enabled account or the default.
 * Reads go through the cache; every call passes the rate-limit gate first.
 */
export class XService {
  readonly limits: RateLimits;
  readonly cache: XCache;

  constructor(private readonly options: XServiceOptions) {
    this.limits = new RateLimits(options.now);
    this.cache = new XCache(options.db, options.now);
  }

  private async freshness() {
    return (await this.options.freshness?.()) ?? { profileMs: 24 * HOUR, postsMs: 15 * 60 * 1000 };
  }

  /** The client for the acting account, or an error saying what is missing. */
  async clientFor(accountId?: string | null): Promise<{ client: TwitterApi; account: Account }> {
    const db = await this.options.db();
    const keys = await getAppKeys(db);
    const account = await actingAccount(db, accountId);
    if (!account) throw new XError('needs-sign-in', t('xNoAccount'));
    if (account.needsSignIn) throw new XError('needs-sign-in', t('xNeedsSignIn'));
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
    if (account.oauth2)
      return { client: createXClient(account.oauth2.accessToken, this.options.fetch, gate), account };
    throw new XError('needs-sign-in', t('xNeedsSignIn'));
  }

  private async call<T>(
    accountId: string | null | undefined,
    work: (client: TwitterApi) => Promise<T>,
  ): Promise<T> {
    const { client } = await this.clientFor(accountId);
    try {
      return await work(client);
    } catch (error) {
      throw toXError(error);
    }
  }

  /** People X finds for a (folded) name. */
  async searchPeople(query: string, accountId?: string | null): Promise<XPerson[]> {
    const { profileMs } = await this.freshness();
    return this.cache.read(`search:${query.toLowerCase()}`, profileMs, () =>
      this.call(accountId, async (client) => {
        const result = await client.v2.get<{ data?: UserV2[] }>('users/search', {
          query,
          max_results: 20,
          'user.fields': USER_FIELDS.join(','),
        });
        return people(result.data);
      }),
    );
  }

  async personByHandle(handle: string, accountId?: string | null): Promise<XPerson | null> {
    const { profileMs } = await this.freshness();
    return this.cache.read(`handle:${handle.toLowerCase()}`, profileMs, () =>
      this.call(accountId, async (client) => {
        const result = await client.v2.userByUsername(handle, { 'user.fields': [...USER_FIELDS] });
        return result.data ? toPerson(result.data) : null;
      }),
    );
  }

  async personById(id: string, accountId?: string | null): Promise<XPerson | null> {
    const { profileMs } = await this.freshness();
    return this.cache.read(`user:${id}`, profileMs, () =>
      this.call(accountId, async (client) => {
        const result = await client.v2.user(id, { 'user.fields': [...USER_FIELDS] });
        return result.data ? toPerson(result.data) : null;
      }),
    );
  }

  async recentPosts(userId: string, accountId?: string | null): Promise<XPost[]> {
    const { postsMs } = await this.freshness();
    return this.cache.read(`posts:${userId}`, postsMs, () =>
      this.call(accountId, async (client) => {
        const timeline = await client.v2.userTimeline(userId, {
          max_results: 10,
          'tweet.fields': [...TWEET_FIELDS],
          exclude: ['retweets'],
        });
        return (timeline.tweets ?? []).map(toPost);
      }),
    );
  }
}
