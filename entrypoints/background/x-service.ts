import { database } from '@/lib/store/db';
import { readPolicy } from '@/lib/store/policy';
import { freshnessOf, readSettings } from '@/lib/store/settings';
import { sessionLimitStore } from '@/lib/x/rate-limits';
import { XService } from '@/lib/x/service';

/** The worker's one X service: its cache and rate-limit state are shared by every page. */
export const xService = new XService({
  db: database,
  freshness: async () => freshnessOf(await readSettings(await database())),
  // The organisation's budget, when it set one, wins over the manager's.
  dailyBudget: async () =>
    (await readPolicy()).dailyBudgetUsd ?? (await readSettings(await database())).dailyBudgetUsd,
  // A 24-hour cap outlasts the worker: a restarted worker still sends nothing before its reset.
  limitStore: sessionLimitStore,
});
