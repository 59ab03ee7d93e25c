import { MAX_USER_RULES } from '@/lib/crm/user-rules';
import { tCount } from '@/lib/i18n';
import { HandlerError, type HandlersFor } from '@/lib/messages/router';
import type { ruleMessages } from '@/lib/messages/rule-messages';
import { announceSettingsChanged } from '@/lib/messages/settings-changed';
import { database } from '@/lib/store/db';
import { deleteUserRule, listUserRules, putUserRule } from '@/lib/store/user-rules';

/** The manager's rules for other CRMs; every change is announced to content scripts. */
export const ruleHandlers: HandlersFor<typeof ruleMessages> = {
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
};
