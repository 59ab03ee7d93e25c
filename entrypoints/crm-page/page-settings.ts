import type { CrmPage } from '@/lib/crm/adapter';
import type { CrmId } from '@/lib/crm/record';
import type { UserRuleData } from '@/lib/crm/user-rule-read';
import { sendMessage } from '@/lib/messages/client';
import type { MessageOutput } from '@/lib/messages/protocol';
import { onSettingsChanged } from '@/lib/messages/settings-changed';
import { userRulePage } from './user-rules';

/** What this page needs of the settings: the switched-off vendors and its host's rules. */
export interface PageSettings {
  disabled: readonly CrmId[];
  rules: readonly CrmPage<'custom'>[];
}

/** At most this many rules are tried on a page, whatever the worker answers. */
const MAX_RULES = 50;

/**
 * Calls `onChange` with the page's settings: once asked, then after every change the worker
 * announces. They come from the worker, never from storage.local: a CRM page can write
 * storage.local (through its renderer), and must not switch vendors off or add rules in
 * other tabs. When the worker cannot answer, nothing is switched off and no rule applies.
 * `asked`, when given, is the worker's answer already asked for (the page script asks while
 * this code loads). Returns the function that stops watching.
 */
export function watchPageSettings(
  onChange: (settings: PageSettings) => void,
  asked?: Promise<MessageOutput<'pageSettings'>>,
): () => void {
  let first = asked;
  let count = 0;
  const ask = () => {
    const mine = ++count;
    const answer = first ?? sendMessage('pageSettings', {});
    first = undefined;
    answer.then(
      ({ disabledCrms, rules }) =>
        // An older answer that arrives after a newer one is dropped.
        mine === count &&
        onChange({
          disabled: disabledCrms,
          rules: (rules as UserRuleData[]).slice(0, MAX_RULES).map(userRulePage),
        }),
      (error: unknown) => {
        console.warn('X for CRM: could not read the settings', error);
        if (mine === count) onChange({ disabled: [], rules: [] });
      },
    );
  };
  const stop = onSettingsChanged(ask);
  ask();
  return stop;
}
