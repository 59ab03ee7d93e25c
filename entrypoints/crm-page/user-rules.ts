import type { CrmPage } from '@/lib/crm/adapter';
import { rulePathMatcher } from '@/lib/crm/rule-path-matcher';
import { applyUserRule, type UserRuleData } from '@/lib/crm/user-rule-read';

/**
 * The page half of a user rule. The rule was validated when saved; applyUserRule still
 * trusts none of it and never throws, so a broken rule shows no icon and breaks nothing.
 */
export function userRulePage(rule: UserRuleData): CrmPage<'custom'> {
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
