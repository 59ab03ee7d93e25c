import type { UserRuleField } from '@/lib/crm/user-rule-read';
import type { RuleProblem, UserRule } from '@/lib/crm/user-rules';
import { type MessageKey, t } from '@/lib/i18n';

export const FIELDS: readonly UserRuleField[] = ['name', 'company', 'email', 'twitter'];
export const FIELD_LABEL: Record<UserRuleField, MessageKey> = {
  name: 'ruleFieldName',
  company: 'ruleFieldCompany',
  email: 'ruleFieldEmail',
  twitter: 'ruleFieldTwitter',
};

/** What the rule form holds, as typed. */
export interface RuleDraft {
  name: string;
  matches: string;
  pathKind: 'pattern' | 'regex';
  path: string;
  type: UserRule['type'];
  fields: Record<UserRuleField, { by: 'selector' | 'label'; value: string }>;
}

export const EMPTY_DRAFT: RuleDraft = {
  name: '',
  matches: '',
  pathKind: 'pattern',
  path: '',
  type: 'contact',
  fields: {
    name: { by: 'selector', value: '' },
    company: { by: 'label', value: '' },
    email: { by: 'label', value: '' },
    twitter: { by: 'label', value: '' },
  },
};

/** The rule a draft stands for, not yet checked: blank optional fields are left out. */
export function ruleOf(draft: RuleDraft, id: string): unknown {
  const fields: Record<string, { by: string; value: string }> = {};
  for (const key of FIELDS) {
    const source = draft.fields[key];
    if (key === 'name' || source.value.trim()) fields[key] = { by: source.by, value: source.value.trim() };
  }
  return {
    id,
    name: draft.name,
    matches: draft.matches,
    pathKind: draft.pathKind,
    path: draft.path,
    type: draft.type,
    fields,
  };
}

/** The form's content for a saved rule, so it can be edited; a field it leaves out is blank. */
export function draftOf(rule: UserRule): RuleDraft {
  const fields = { ...EMPTY_DRAFT.fields };
  for (const key of FIELDS) {
    const source = rule.fields[key];
    if (source) fields[key] = { by: source.by, value: source.value };
  }
  return {
    name: rule.name,
    matches: rule.matches,
    pathKind: rule.pathKind,
    path: rule.path,
    type: rule.type,
    fields,
  };
}

/** The sentence shown beside a field the rule cannot be saved with. */
export function problemText(problem: RuleProblem): string {
  const field = problem.field.split('.')[0] ?? '';
  const reasons: Record<string, MessageKey> = {
    matches: 'ruleProblemMatches',
    pattern: 'ruleProblemPattern',
    syntax: 'ruleProblemRegexSyntax',
    nested: 'ruleProblemRegexNested',
    checking: 'ruleProblemRegexChecking',
    backreference: 'ruleProblemRegexBackreference',
    id: 'ruleProblemRegexId',
    selector: 'ruleProblemSelector',
  };
  const where: Record<string, MessageKey> = {
    name: 'ruleName',
    matches: 'ruleMatches',
    path: 'rulePath',
    fields: FIELD_LABEL[(problem.field.split('.')[1] ?? 'name') as UserRuleField] ?? 'ruleFieldName',
  };
  const reason = reasons[problem.reason];
  return t('ruleProblem', t(where[field] ?? 'ruleName'), reason ? t(reason) : t('ruleProblemInvalid'));
}
