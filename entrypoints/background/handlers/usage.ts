import type { HandlersFor } from '@/lib/messages/router';
import type { UsageReport, usageMessages } from '@/lib/messages/usage-messages';
import { listAccounts } from '@/lib/store/accounts';
import { database } from '@/lib/store/db';
import { permissionsOf, readPolicy } from '@/lib/store/policy';
import { readSettings, updateSettings } from '@/lib/store/settings';
import { readSocialSettings } from '@/lib/store/social-settings';
import { scheduleDailyUsd } from '@/lib/x/social-refresh';
import { postReadsInMonth, usageByDay, utcDay } from '@/lib/x/usage';

const DAY_MS = 86_400_000;

/** The Social view's scheduled refresh and its daily cost, when it is on and policy allows the view. */
async function socialSchedule(db: Awaited<ReturnType<typeof database>>, allowed: boolean, now: number) {
  const { scheduleHours } = await readSocialSettings(db);
  if (!allowed || !scheduleHours) return null;
  return { hours: scheduleHours, dailyUsd: await scheduleDailyUsd(db, scheduleHours, now) };
}

/** The last 30 UTC days of usage up to `now` (epoch ms), and the budget in force. */
async function usageReport(now = Date.now()): Promise<UsageReport> {
  const db = await database();
  const days = Array.from({ length: 30 }, (_, index) => utcDay(now - (29 - index) * DAY_MS));
  const rows = await usageByDay(db, days);
  const accounts = (await listAccounts(db)).map(({ xUserId, name, handle }) => ({ xUserId, name, handle }));
  const policy = await readPolicy();
  const settings = await readSettings(db);
  const today = utcDay(now);
  return {
    days,
    rows,
    accounts,
    budgetUsd: policy.dailyBudgetUsd ?? settings.dailyBudgetUsd,
    // Set by the organisation, or locked with the other settings.
    budgetFromPolicy: policy.dailyBudgetUsd !== undefined || permissionsOf(policy).locked,
    todayUsd: rows.filter((row) => row.day === today).reduce((sum, row) => sum + row.costUsd, 0),
    monthPostReads: await postReadsInMonth(db, now),
    socialSchedule: await socialSchedule(db, policy.socialView !== false, now),
  };
}

/** Usage per day and account, and the daily budget. */
export const usageHandlers: HandlersFor<typeof usageMessages> = {
  usageReport: () => usageReport(),

  /** A budget set or locked by policy is refused before this runs (policy-guard.ts). */
  async budgetSave({ dailyBudgetUsd }) {
    await updateSettings(await database(), { dailyBudgetUsd });
    return usageReport();
  },
};
