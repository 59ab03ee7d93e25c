import { browser } from 'wxt/browser';
import { openSocialView } from '@/lib/side-panel';
import { database } from '@/lib/store/db';
import { readPolicy } from '@/lib/store/policy';
import { readSocialSettings } from '@/lib/store/social-settings';
import { refreshSocial, type SocialRefreshResult, type SocialScope } from '@/lib/x/social-refresh';
import { xService } from './x-service';

const ALARM = 'social-refresh';

/** The fewest hours between scheduled refreshes policy allows: 0 forbids them, null sets no cap. */
export async function socialScheduleLimit(): Promise<number | null> {
  return (await readPolicy()).socialScheduleMinHours ?? null;
}

/** Says on the toolbar button how many new items the last refresh found, until the view is seen. */
async function showBadge(added: number): Promise<void> {
  if (added <= 0) return;
  await browser.action.setBadgeText({ text: added > 99 ? '99+' : String(added) });
}

export async function clearSocialBadge(): Promise<void> {
  await browser.action.setBadgeText({ text: '' });
}

/** One refresh, asked for or scheduled; the badge shows what it found. */
export async function refreshSocialNow(scope: SocialScope): Promise<SocialRefreshResult> {
  const result = await refreshSocial(await database(), xService, scope, Date.now());
  await showBadge(result.added.length);
  return result;
}

/**
 * Sets the scheduled refresh to every `hours` hours (null: off), within what policy allows:
 * the alarm survives the worker sleeping and the browser restarting (chrome.alarms).
 */
export async function scheduleSocialRefresh(hours: number | null): Promise<void> {
  await browser.alarms.clear(ALARM);
  const least = await socialScheduleLimit();
  if (hours === null || least === 0) return;
  const every = Math.max(hours, least ?? 1);
  await browser.alarms.create(ALARM, { periodInMinutes: every * 60, delayInMinutes: every * 60 });
}

/**
 * Runs scheduled refreshes. Each one reads only if the view is allowed and the schedule still
 * on; the X service stops billable reads once the daily budget is spent, so a schedule left
 * running cannot spend past it.
 */
export function watchSocialSchedule(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void (async () => {
      const policy = await readPolicy();
      const settings = await readSocialSettings(await database());
      if (policy.socialView === false || !settings.scheduleHours || policy.socialScheduleMinHours === 0) {
        await browser.alarms.clear(ALARM);
        return;
      }
      await refreshSocialNow({ accountId: null });
    })().catch((error: unknown) => console.warn('Scheduled Social view refresh stopped', error));
  });
}

/** The keyboard shortcut (commands) opens the Social view beside the window it was pressed in. */
export function watchSocialCommand(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'open-social-view') return;
    // Called at once, inside the key's gesture; the browser refuses it later.
    const where = tab?.windowId !== undefined ? { windowId: tab.windowId } : null;
    if (where) void openSocialView(where).catch((error: unknown) => console.warn('Social view', error));
  });
}
