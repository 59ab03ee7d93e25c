import { readPageStrings } from '@/lib/messages/page-strings';
import { announceSettingsChanged } from '@/lib/messages/settings-changed';
import type { SettingsView, settingsMessages } from '@/lib/messages/settings-messages';
import type { HandlerContext, HandlersFor } from '@/lib/messages/router';
import { CRM_IDS } from '@/lib/crm/record';
import { urlMatchesHostPattern } from '@/lib/crm/user-rules';
import { database } from '@/lib/store/db';
import { permissionsOf, readPolicy } from '@/lib/store/policy';
import { readSettings, type Settings, updateSettings } from '@/lib/store/settings';
import { listUserRules } from '@/lib/store/user-rules';

function viewOf(settings: Settings, locked: boolean): SettingsView {
  const { disabledCrms, postsFreshMinutes, profileFreshHours } = settings;
  return { disabledCrms, postsFreshMinutes, profileFreshHours, locked };
}

/** The URL of the page a content script runs in, or null. */
function pageUrlOf(context: HandlerContext): URL | null {
  try {
    return new URL(context.sender.url ?? '');
  } catch {
    return null;
  }
}

/**
 * The manager's settings, and what a CRM page's content script may know of them and of the
 * rules. A locked policy refuses settingsSave (policy-guard.ts).
 */
export const settingsHandlers: HandlersFor<typeof settingsMessages> = {
  async settingsRead() {
    const locked = permissionsOf(await readPolicy()).locked;
    return viewOf(await readSettings(await database()), locked);
  },

  async settingsSave(change) {
    const saved = await updateSettings(await database(), change);
    await announceSettingsChanged();
    return viewOf(saved, false);
  },

  async pageSettings(_input, context) {
    const db = await database();
    const url = pageUrlOf(context);
    const rules = url
      ? (await listUserRules(db)).filter((rule) => urlMatchesHostPattern(rule.matches, url))
      : [];
    // A CRM the organisation's policy does not allow is off for the page too: the page shows no
    // icon there, rather than one whose record the worker then refuses (policy-guard.ts).
    const { allowedCrms } = permissionsOf(await readPolicy());
    const notAllowed = allowedCrms ? CRM_IDS.filter((crm) => !allowedCrms.includes(crm)) : [];
    const { disabledCrms } = await readSettings(db);
    return {
      disabledCrms: [...new Set([...disabledCrms, ...notAllowed])],
      rules,
      strings: readPageStrings(),
    };
  },
};
