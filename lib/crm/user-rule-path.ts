import { RE2JS } from 're2js';
import type { UserRuleData } from './user-rule-read';

/** Longest rule path and longest address text a rule is tried on. */
export const MAX_RULE_PATH = 200;
const MAX_SUBJECT = 2000;

/**
 * The regular expression a path pattern stands for: literal segments, `:name` placeholders
 * (one segment), `*` (anything) and `:id` (the record's id, one segment).
 */
export function patternSource(path: string): string {
  const source = path
    .split(/(:[A-Za-z]\w*|\*)/)
    .map((part) => {
      if (part === ':id') return '(?P<id>[^/]+)';
      if (part === '*') return '.*';
      if (/^:[A-Za-z]\w*$/.test(part)) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return `^${source.replace(/\/$/, '')}/?$`;
}

const compiled = new Map<string, RE2JS | null>();

/**
 * A rule's path compiled for RE2, Google's linear-time engine (re2js): matching takes time in
 * proportion to the address, whatever the pattern, so no rule can hang a page the way a
 * backtracking engine can on `(a+)+`. Null when RE2 cannot compile it (backreferences and
 * lookaround need backtracking and are not RE2 syntax).
 */
export function compileRulePath(rule: Pick<UserRuleData, 'pathKind' | 'path'>): RE2JS | null {
  const source = rule.pathKind === 'regex' ? String(rule.path) : patternSource(String(rule.path));
  const key = `${rule.pathKind}\n${source}`;
  if (!compiled.has(key)) {
    let pattern: RE2JS | null;
    try {
      pattern = RE2JS.compile(source);
    } catch {
      pattern = null;
    }
    // A page sees a handful of rules; the cap only guards against storage full of them.
    if (compiled.size > 200) compiled.clear();
    compiled.set(key, pattern);
  }
  return compiled.get(key) ?? null;
}

/**
 * The record id a rule's path finds in an address (its `id` group, else its first group), or
 * undefined. Regex rules are tried on the path, query and fragment; path patterns on the path.
 * Never throws; bounded in time by RE2 and by the length caps.
 */
export function userRulePathId(rule: Pick<UserRuleData, 'pathKind' | 'path'>, url: URL): string | undefined {
  if (typeof rule.path !== 'string' || rule.path.length > MAX_RULE_PATH) return undefined;
  const pattern = compileRulePath(rule);
  if (!pattern) return undefined;
  const subject = (
    rule.pathKind === 'regex' ? `${url.pathname}${url.search}${url.hash}` : url.pathname
  ).slice(0, MAX_SUBJECT);
  try {
    const matcher = pattern.matcher(subject);
    if (!matcher.find()) return undefined;
    const groups = pattern.namedGroups();
    const id = 'id' in groups ? matcher.group('id') : pattern.groupCount() > 0 ? matcher.group(1) : null;
    return id ?? undefined;
  } catch {
    return undefined;
  }
}
