import type { IDBPDatabase } from 'idb';
import { t } from '../i18n';
import type { XCrmDb } from '../store/schema';
import { XError } from './errors';
import { formatUsd, PRICE_USD, readUnitPrice } from './prices';
import { recordUsage, spentOn, utcDay } from './usage';

/** What one call billed: an operation, its unit price (USD) and the resources X charges for. */
export interface Bill {
  operation: string;
  unitUsd: number;
  resources: string[];
}

/** People read (lookup, search result, follower); an Owned Read when `owned`. */
export function peopleBill(people: readonly { id: string }[], owned = false): Bill {
  return {
    operation: 'read-user',
    unitUsd: readUnitPrice(PRICE_USD.readUser, owned),
    resources: people.map((person) => `user:${person.id}`),
  };
}

/** Posts read; an Owned Read when they are the acting account's own and it owns the app. */
export function postsReadBill(posts: readonly { id: string }[], owned = false): Bill {
  return {
    operation: 'read-post',
    unitUsd: readUnitPrice(PRICE_USD.readPost, owned),
    resources: posts.map((post) => `post:${post.id}`),
  };
}

/**
 * What a page of posts billed: every post and user in it, expansions included, as X bills them.
 * `owned`: the posts are the acting account's own (or mention it) and it owns the X app, so
 * they are Owned Reads; their authors are still read at the user price.
 */
export function postsPageBill(page: { billedPosts: string[]; billedUsers: string[] }, owned = false): Bill[] {
  return [
    postsReadBill(
      page.billedPosts.map((id) => ({ id })),
      owned,
    ),
    peopleBill(page.billedUsers.map((id) => ({ id }))),
  ];
}

/** A write is billed every time it is made: its resource is unique. */
export function writeBill(operation: string, unitUsd: number): () => Bill {
  return () => ({ operation, unitUsd, resources: [`${operation}:${crypto.randomUUID()}`] });
}

/**
 * The daily budget and the usage record: billable reads stop once the UTC day's estimated
 * spend reaches the budget, and every answer's bill is recorded per day and account.
 */
export class Meter {
  constructor(
    private readonly deps: {
      db: () => Promise<IDBPDatabase<XCrmDb>>;
      now: () => number;
      /** The daily budget in USD (manager or policy), or null for none. */
      dailyBudget?: () => Promise<number | null>;
    },
  ) {}

  /** @throws XError `budget` once today's estimated spend reached the daily budget. */
  async checkBudget(): Promise<void> {
    const budget = await this.deps.dailyBudget?.();
    if (budget === null || budget === undefined) return;
    const spent = await spentOn(await this.deps.db(), utcDay(this.deps.now()));
    if (spent >= budget) throw new XError('budget', t('xBudgetSpent', formatUsd(budget)));
  }

  /** Records what an answer billed to `accountId` (an X user id). */
  async record(accountId: string, bills: Bill | Bill[]): Promise<void> {
    const db = await this.deps.db();
    for (const billed of [bills].flat()) {
      await recordUsage(db, { accountId, at: this.deps.now(), ...billed });
    }
  }
}
