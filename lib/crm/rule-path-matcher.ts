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

/**
 * Where the CRM page script leaves the function that looks at the address again. On a built-in
 * CRM's host the rule-path script and the manifest's CRM page script both start with the
 * document, in an order the browser does not promise: whichever comes second finds the other.
 */
export const RULE_PATH_ARRIVAL = '__xForCrmRulePathArrived';

/** Called by the CRM page script: `run` is called when the matcher arrives after it. */
export function whenRulePathMatcherArrives(run: () => void): void {
  (globalThis as Record<string, unknown>)[RULE_PATH_ARRIVAL] = run;
}

/** Called by the rule-path script once the matcher is in place. */
export function rulePathMatcherArrived(): void {
  const run = (globalThis as Record<string, unknown>)[RULE_PATH_ARRIVAL];
  if (typeof run === 'function') run();
}
