import { parseCrmRecordUrl } from './hosts';
import type { RecordRef } from './record';
import { userRulePathId } from './user-rule-path';
import { applyUserRule, type UserRuleData } from './user-rule-read';
import { urlMatchesHostPattern } from './user-rules';

/**
 * The records a page at `url` can show: the one a built-in vendor's URL names, else the ones
 * the user's rules name for it. Only rules whose host the user granted (`grantedHosts`, match
 * patterns) count: on any other host the content script never runs, so no rule applies there.
 * Pure (no DOM, no storage), so the worker can hold a content script's report against the
 * URL of the tab it came from.
 */
export function recordsAtUrl(
  url: URL,
  rules: readonly UserRuleData[],
  grantedHosts: readonly string[],
): RecordRef[] {
  const builtIn = parseCrmRecordUrl(url);
  // The content script tries a rule only where no vendor knows the page: the same order here.
  if (builtIn) return [builtIn];
  const found: RecordRef[] = [];
  for (const rule of rules) {
    if (!grantedHosts.some((pattern) => pattern === rule.matches && urlMatchesHostPattern(pattern, url)))
      continue;
    // The path is matched with RE2, as the content script matches it: no rule can hang the worker.
    const reading = applyUserRule(rule, url.href, 'url', userRulePathId(rule, url) ?? null);
    if (reading.ok) found.push({ crm: 'custom', tenant: reading.tenant, type: reading.type, id: reading.id });
  }
  return found;
}

/** True when two references name the same record. */
export function sameRecordRef(a: RecordRef, b: RecordRef): boolean {
  return a.crm === b.crm && a.tenant === b.tenant && a.type === b.type && a.id === b.id;
}
