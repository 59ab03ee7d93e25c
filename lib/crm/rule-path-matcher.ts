import type { UserRuleData } from './user-rule-read';

/**
 * Where the rule-path content script leaves the RE2 matcher (userRulePathId) for the CRM
 * content script: a property of the extension's isolated world, which pages cannot reach.
 */
export const RULE_PATH_MATCHER = '__xForCrmRulePathId';

export type RulePathMatcher = (rule: Pick<UserRuleData, 'pathKind' | 'path'>, url: URL) => string | undefined;

/**
 * The RE2 matcher when the rule-path script ran in this world, else undefined: without it a
 * rule's path is not tried at all, never on the page's backtracking engine.
 */
export function rulePathMatcher(): RulePathMatcher | undefined {
  const matcher = (globalThis as Record<string, unknown>)[RULE_PATH_MATCHER];
  return typeof matcher === 'function' ? (matcher as RulePathMatcher) : undefined;
}
