import { defineContentScript } from 'wxt/utils/define-content-script';
import { RULE_PATH_MATCHER, rulePathMatcherArrived } from '@/lib/crm/rule-path-matcher';
import { userRulePathId } from '@/lib/crm/user-rule-path';

/**
 * The RE2 matcher for user rules' paths, on the hosts of the user's rules only: RE2 (re2js)
 * is six times the size of the CRM content script, which every built-in CRM page loads and
 * which stays small. Registered by the background just before that script (or, on a built-in
 * CRM's host, at document_start), it leaves the matcher in the extension's isolated world,
 * where the CRM content script finds it, or tells that script, which started first; the page
 * itself cannot see or replace it.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    (globalThis as Record<string, unknown>)[RULE_PATH_MATCHER] = userRulePathId;
    rulePathMatcherArrived();
  },
});
