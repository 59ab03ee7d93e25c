import type { IDBPDatabase } from 'idb';
import type { TwitterApi } from 'twitter-api-v2';
import type { Account, XCrmDb } from '../store/schema';
import { AccountClients } from './account-clients';
import { XCache } from './cache';
import type { XFetch } from './client';
import { toXError } from './errors';
import { type Bill, Meter } from './metering';
import { RateLimits, type SpentLimitStore } from './rate-limits';

const HOUR_MS = 60 * 60 * 1000;

export interface XServiceOptions {
  db: () => Promise<IDBPDatabase<XCrmDb>>;
  fetch?: XFetch;
  now?: () => number;
  /** Freshness windows in ms; the settings can change them. */
  freshness?: () => Promise<{ profileMs: number; postsMs: number }>;
  /** The daily budget in USD (manager or policy), or null for none. */
  dailyBudget?: () => Promise<number | null>;
  /** Where spent rate limits outlive the worker; none keeps them in memory only. */
  limitStore?: SpentLimitStore;
}

/**
 * What every X call goes through: the acting account's client, the rate-limit gate, the
 * daily budget for reads, X's errors mapped to XError, and the bill recorded. The capability
 * files (people-reads, posts, engagement, follows, search) are written on top of `call`.
 */
export class XCalls {
  readonly limits: RateLimits;
  readonly cache: XCache;
  private readonly accounts: AccountClients;
  private readonly meter: Meter;

  constructor(private readonly options: XServiceOptions) {
    const now = () => this.now();
    this.limits = new RateLimits(options.now, options.limitStore ?? null);
    this.cache = new XCache(options.db, options.now);
    this.accounts = new AccountClients({ db: options.db, limits: this.limits, now, fetch: options.fetch });
    this.meter = new Meter({ db: options.db, now, dailyBudget: options.dailyBudget });
  }

  /** Epoch ms, from the injected clock when there is one. */
  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** How long a person (profileMs) and a person's posts (postsMs) stay fresh in the cache. */
  async freshness(): Promise<{ profileMs: number; postsMs: number }> {
    return (await this.options.freshness?.()) ?? { profileMs: 24 * HOUR_MS, postsMs: 15 * 60 * 1000 };
  }

  /** See AccountClients.clientFor. */
  clientFor(accountId?: string | null, forWrite = false): Promise<{ client: TwitterApi; account: Account }> {
    return this.accounts.clientFor(accountId, forWrite);
  }

  /**
   * One X call as the acting account: budget checked for reads, errors mapped, and what it
   * billed recorded. `bill` names the operation, unit price and billed resources of the answer.
   * @throws XError whatever went wrong, in the user's terms.
   */
  async call<T>(
    accountId: string | null | undefined,
    kind: 'read' | 'write',
    work: (client: TwitterApi, account: Account) => Promise<T>,
    bill: (result: T, account: Account) => Bill | Bill[],
  ): Promise<T> {
    if (kind === 'read') await this.meter.checkBudget();
    const { client, account } = await this.clientFor(accountId, kind === 'write');
    let result: T;
    try {
      result = await work(client, account);
    } catch (error) {
      throw toXError(error);
    }
    await this.meter.record(account.xUserId, bill(result, account));
    return result;
  }
}
