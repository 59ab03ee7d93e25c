import { z } from 'zod';
import { empty } from './fields';
import { defineMessages } from './spec';

export const DailyUsageView = z.object({
  day: z.string(),
  accountId: z.string(),
  calls: z.number(),
  costUsd: z.number(),
});
export type DailyUsageView = z.infer<typeof DailyUsageView>;

/** Usage of the last 30 UTC days, oldest first, per day and account, and the daily budget. */
export const UsageReport = z.object({
  days: z.array(z.string()),
  rows: z.array(DailyUsageView),
  /** Names of the accounts in the rows; a deleted account has none. */
  accounts: z.array(z.object({ xUserId: z.string(), name: z.string(), handle: z.string() })),
  budgetUsd: z.number().nullable(),
  /** The organisation's policy sets the budget: the manager shows it read-only. */
  budgetFromPolicy: z.boolean(),
  todayUsd: z.number(),
  /** Posts read this UTC calendar month, against X's monthly post-read cap. */
  monthPostReads: z.number(),
  /** The Social view's scheduled refresh when on: hours between runs, most it may cost a day (USD). */
  socialSchedule: z.object({ hours: z.number(), dailyUsd: z.number() }).nullable(),
});
export type UsageReport = z.infer<typeof UsageReport>;

/** What X calls cost per day and account, and the daily budget. Only the manager may send these. */
export const usageMessages = defineMessages({
  usageReport: { from: ['options'], input: empty, output: UsageReport },
  budgetSave: {
    from: ['options'],
    input: z.object({ dailyBudgetUsd: z.number().min(0).max(10_000).nullable() }).strict(),
    output: UsageReport,
  },
});
