import { t, tCount } from '@/lib/i18n';
import { announceSettingsChanged } from '@/lib/messages/settings-changed';
import type { SettingsView, settingsMessages } from '@/lib/messages/settings-messages';
import { type HandlerContext, HandlerError, type HandlersFor } from '@/lib/messages/router';
import { MAX_USER_RULES, urlMatchesHostPattern } from '@/lib/crm/user-rules';
import { database } from '@/lib/store/db';
import { permissionsOf, readPolicy } from '@/lib/store/policy';
import { readSettings, type Settings, updateSettings } from '@/lib/store/settings';
import { deleteUserRule, listUserRules, putUserRule } from '@/lib/store/user-rules';

function viewOf(settings: Settings, locked: boolean): SettingsView {
  const { disabledCrms, postsFreshMinutes, profileFreshHours } = settings;
  return { disabledCrms, postsFreshMinutes, profileFreshHours, locked };
}

async function refuseWhenLocked() {
  if (permissionsOf(await readPolicy()).locked) throw new HandlerError('policy-locked', t('policyLocked'));
}

/** The URL of the page a content script runs in, or null. */
function pageUrlOf(context: HandlerContext): URL | null {
  try {
    return new URL(context.sender.url ?? '');
  } catch {
    return null;
  }
}

/** The manager's settings and rules, and what a CRM page's content script may know of them. */
export const settingsHandlers: HandlersFor<typeof settingsMessages> = {
  async settingsRead() {
    const locked = permissionsOf(await readPolicy()).locked;
    return viewOf(await readSettings(await database()), locked);
  },

  async settingsSave(change) {
    await refuseWhenLocked();
    const saved = await updateSettings(await database(), change);
    await announceSettingsChanged();
    return viewOf(saved, false);
  },

  async rulesList() {
    return listUserRules(await database());
  },

  async ruleSave(rule) {
    const db = await database();
    const saved = await listUserRules(db);
    if (saved.length >= MAX_USER_RULES && !saved.some((other) => other.id === rule.id))
      throw new HandlerError('rules-too-many', tCount('ruleTooMany', MAX_USER_RULES));
    const rules = await putUserRule(db, rule);
    await announceSettingsChanged();
    return rules;
  },

  async ruleDelete({ id }) {
    const rules = await deleteUserRule(await database(), id);
    await announceSettingsChanged();
    return rules;
  },

  async pageSettings(_input, context) {
    const db = await database();
    const url = pageUrlOf(context);
    const rules = url
      ? (await listUserRules(db)).filter((rule) => urlMatchesHostPattern(rule.matches, url))
      : [];
    return { disabledCrms: (await readSettings(db)).disabledCrms, rules };
  },
};
