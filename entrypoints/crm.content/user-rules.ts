import { browser } from 'wxt/browser';
import type { CrmPage } from '@/lib/crm/adapter';
import { rulePathMatcher } from '@/lib/crm/rule-path-matcher';
import { applyUserRule, type UserRuleData } from '@/lib/crm/user-rule-read';

/**
 * Where the manager keeps the user's rules (USER_RULES_STORAGE_KEY in lib/crm/user-rules.ts,
 * which brings zod and so stays out of this script; a unit test keeps the two alike).
 */
export const USER_RULES_KEY = 'userRules';

/** At most this many rules are tried on a page, whatever storage holds. */
const MAX_RULES = 50;

function rulesIn(stored: unknown): readonly UserRuleData[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .slice(0, MAX_RULES)
    .filter((rule): rule is UserRuleData => typeof rule === 'object' && rule !== null);
}

/**
 * The page half of a user rule. The rule was validated when saved; applyUserRule still
 * trusts none of it and never throws, so a broken rule shows no icon and breaks nothing.
 */
export function userRulePage(rule: UserRuleData): CrmPage {
  return {
    id: 'custom',
    parseRecordUrl(url) {
      const reading = applyUserRule(rule, url.href, 'url', rulePathMatcher()?.(rule, url));
      return reading.ok
        ? { crm: 'custom', tenant: reading.tenant, type: reading.type, id: reading.id }
        : undefined;
    },
    findTitle() {
      const reading = applyUserRule(rule, null, 'fields');
      return reading.ok ? reading.title : null;
    },
    readFields(_doc, title) {
      const reading = applyUserRule(rule, null, 'fields');
      return reading.ok ? reading.fields : { fullName: title?.textContent?.trim().slice(0, 500) ?? '' };
    },
  };
}

/** Calls `onChange` with the user's rules as pages: once read, then on every change. */
export function watchUserRules(onChange: (pages: readonly CrmPage[]) => void): () => void {
  let changed = false;
  const pagesOf = (stored: unknown) => rulesIn(stored).map(userRulePage);
  const onStorageChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[USER_RULES_KEY];
    if (area !== 'local' || !change) return;
    changed = true;
    onChange(pagesOf(change.newValue));
  };
  browser.storage.onChanged.addListener(onStorageChange);
  browser.storage.local.get(USER_RULES_KEY).then(
    (stored) => changed || onChange(pagesOf(stored[USER_RULES_KEY])),
    () => changed || onChange([]),
  );
  return () => browser.storage.onChanged.removeListener(onStorageChange);
}
