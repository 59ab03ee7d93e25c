import type { IDBPDatabase } from 'idb';
import type { UsageEntry, XCrmDb } from '../store/schema';

type Db = IDBPDatabase<XCrmDb>;

/** The UTC day X bills by: "2026-11-21". */
export const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * Records what calls cost, per UTC day and account. A read names the resources it returned
 * (users, posts): one read twice in a day counts once, as X bills. A write counts every time.
 */
export async function recordUsage(
  db: Db,
  entry: { accountId: string; operation: string; unitUsd: number; resources: readonly string[]; at: number },
): Promise<void> {
  const day = utcDay(entry.at);
  const tx = db.transaction('usage', 'readwrite');
  for (const resource of entry.resources) {
    const key = `${day}/${entry.accountId}/${resource}`;
    if (await tx.store.getKey(key)) continue;
    const row: UsageEntry = {
      key,
      day,
      accountId: entry.accountId,
      operation: entry.operation,
      costUsd: entry.unitUsd,
      at: entry.at,
    };
    await tx.store.put(row);
  }
  await tx.done;
}

/**
 * Posts read in the UTC calendar month of `at` (each post once a day, as X counts them), all
 * accounts, against X's monthly post-read cap. X's billing cycle may start on another day of
 * the month: this is the calendar month, an approximation the manager says it is.
 */
export async function postReadsInMonth(db: Db, at: number): Promise<number> {
  const month = utcDay(at).slice(0, 7);
  const range = IDBKeyRange.bound(`${month}-01`, `${month}-31`);
  const rows = await db.getAllFromIndex('usage', 'byDay', range);
  return rows.filter((row) => row.key.includes('/post:')).length;
}

/** Estimated spend of one UTC day, all accounts. */
export async function spentOn(db: Db, day: string): Promise<number> {
  const rows = await db.getAllFromIndex('usage', 'byDay', day);
  return rows.reduce((sum, row) => sum + row.costUsd, 0);
}

export interface DailyUsage {
  day: string;
  accountId: string;
  calls: number;
  costUsd: number;
}

/** Billed items and estimated cost per day and account, for the manager's chart. */
export async function usageByDay(db: Db, days: readonly string[]): Promise<DailyUsage[]> {
  const out = new Map<string, DailyUsage>();
  for (const day of days) {
    for (const row of await db.getAllFromIndex('usage', 'byDay', day)) {
      const key = `${day} ${row.accountId}`;
      const sum = out.get(key) ?? { day, accountId: row.accountId, calls: 0, costUsd: 0 };
      sum.calls += 1;
      sum.costUsd += row.costUsd;
      out.set(key, sum);
    }
  }
  return [...out.values()];
}
