import { z } from 'zod';
import { RecordType } from './record';
import { compileRulePath } from './user-rule-path';
import type { UserRuleData } from './user-rule-read';

/** Enough for any team's CRMs; every page of a granted host tries each rule. */
export const MAX_USER_RULES = 50;

/** One host, https only, no wildcard beyond a leading `*.` and never every site. */
const HOST_PATTERN = /^https:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+\/\*$/;

/** A path pattern: literal segments, `:name` placeholders and `*`; `:id` names the record. */
const PATH_PATTERN = /^\/[A-Za-z0-9\-._~%!$&'()+,;=:@/*]*$/;

/**
 * Why a regular expression is refused, or undefined when it may be used. Rules run on RE2
 * (lib/crm/user-rule-path.ts), so a pattern must be RE2 syntax: no lookaround and no
 * backreferences, the features that need a backtracking engine. Whether it would backtrack
 * catastrophically on such an engine is the manager's further check (user-rule-redos.ts).
 */
export function regexProblem(source: string): 'syntax' | 'backreference' | 'id' | undefined {
  if (/\\[1-9]|\\k</.test(source)) return 'backreference';
  if (!compileRulePath({ pathKind: 'regex', path: source })) return 'syntax';
  if (!/\(\?P?<id>/.test(source)) return 'id';
  return undefined;
}

/** True when a CSS selector parses; without a DOM (the service worker) the manager has checked. */
export function selectorParses(selector: string): boolean {
  const doc = globalThis.document;
  if (!doc) return true;
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

const FieldSourceSchema = z.discriminatedUnion('by', [
  z.object({
    by: z.literal('selector'),
    value: z.string().trim().min(1).max(300).refine(selectorParses, { message: 'selector' }),
  }),
  z.object({ by: z.literal('label'), value: z.string().trim().min(1).max(80) }),
]);

export const UserRule = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    name: z.string().trim().min(1).max(80),
    matches: z.string().trim().toLowerCase().max(260).regex(HOST_PATTERN, { message: 'matches' }),
    pathKind: z.enum(['pattern', 'regex']),
    path: z.string().trim().min(1).max(200),
    type: RecordType,
    fields: z
      .object({
        name: FieldSourceSchema,
        company: FieldSourceSchema.optional(),
        email: FieldSourceSchema.optional(),
        twitter: FieldSourceSchema.optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((rule, context) => {
    if (rule.pathKind === 'pattern') {
      if (!PATH_PATTERN.test(rule.path) || !/(^|\/):id(\/|$)/.test(rule.path)) {
        context.addIssue({ code: 'custom', path: ['path'], message: 'pattern' });
      }
      return;
    }
    const problem = regexProblem(rule.path);
    if (problem) context.addIssue({ code: 'custom', path: ['path'], message: problem });
  });
export type UserRule = z.infer<typeof UserRule>;

// The schema and the content script's plain type must describe the same thing.
const sameShape: UserRuleData = {} as UserRule;
void sameShape;

export const UserRules = z
  .array(UserRule)
  .max(MAX_USER_RULES)
  .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, { message: 'ids' });

/** The stored rules that are valid: a bad one (edited by hand, an older build) is dropped alone. */
export function readUserRules(stored: unknown): UserRule[] {
  if (!Array.isArray(stored)) return [];
  const rules: UserRule[] = [];
  for (const item of stored.slice(0, MAX_USER_RULES)) {
    const parsed = UserRule.safeParse(item);
    if (parsed.success && !rules.some((rule) => rule.id === parsed.data.id)) rules.push(parsed.data);
  }
  return rules;
}

const OWN_REASONS = new Set(['matches', 'pattern', 'syntax', 'nested', 'backreference', 'id', 'selector']);

/** Which field of a rule a validation failure is about, and why, for the manager to say. */
export interface RuleProblem {
  field: string;
  reason: string;
}

/** Every problem of a rule the user typed, or none; the manager shows them beside the fields. */
export function ruleProblems(input: unknown): RuleProblem[] {
  const parsed = UserRule.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    // Our own checks carry their reason as the message; zod's carry a code.
    reason: OWN_REASONS.has(issue.message) ? issue.message : issue.code,
  }));
}

/** True when `url` is on the host a match pattern names (https only), as Chrome matches it. */
export function urlMatchesHostPattern(pattern: string, url: URL): boolean {
  const parts = /^https:\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
  const host = parts?.[2];
  if (!host || url.protocol !== 'https:') return false;
  return url.hostname === host || (parts[1] !== undefined && url.hostname.endsWith(`.${host}`));
}
