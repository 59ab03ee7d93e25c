import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UserRuleField } from '@/lib/crm/user-rule-read';
import { backtracksCatastrophically, loadBacktrackingCheck } from '@/lib/crm/user-rule-redos';
import { type RuleProblem, ruleProblems, UserRule } from '@/lib/crm/user-rules';
import { t } from '@/lib/i18n';
import { loadRecheck } from './recheck-script';
import { draftOf, EMPTY_DRAFT, FIELD_LABEL, FIELDS, problemText, type RuleDraft, ruleOf } from './rule-draft';

export interface RuleFormProps {
  /** The saved rule being edited (the form starts from it and Save keeps its id), or null for a new one. */
  editing: UserRule | null;
  /** Called when Try or Save is pressed, before the form is checked. */
  onAttempt: () => void;
  /**
   * Called with the checked rule, synchronously in the click's handler, so the page can ask
   * the browser for the rule's host within the user's gesture.
   */
  onTry: (rule: UserRule) => void;
  onSave: (rule: UserRule) => void;
  /** Leaves editing without saving; only offered while editing. */
  onCancel: () => void;
  /** The id a new rule gets. */
  newId?: () => string;
}

/**
 * The form for a rule for another CRM: what it matches and where it reads the record's fields.
 * Each problem is said beside its field; nothing is handed on until the rule is valid. The
 * parent starts it afresh (a new `key`) after a save, or to edit another rule.
 */
export function RuleForm({ editing, onAttempt, onTry, onSave, onCancel, newId }: RuleFormProps) {
  const [draft, setDraft] = useState<RuleDraft>(() => (editing ? draftOf(editing) : EMPTY_DRAFT));
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Ready long before anyone has typed a pattern and pressed Save. A failed load is tried
    // again with the next pattern typed; until then a pattern waits for its check.
    loadBacktrackingCheck(loadRecheck).catch(() => undefined);
    // Edit was pressed in the list: the keyboard follows to the rule it fills the form with.
    if (editing) nameInput.current?.focus();
  }, [editing]);

  // Checked while the user types, so Try and Save (which must ask for the host at once, in
  // the click's user gesture) find the verdict ready.
  useEffect(() => {
    if (draft.pathKind !== 'regex') return;
    const source = draft.path.trim();
    const timer = setTimeout(
      () =>
        void loadBacktrackingCheck(loadRecheck).then(
          () => {
            const verdict = backtracksCatastrophically(source);
            setProblems((current) =>
              current.flatMap((problem) =>
                problem.reason !== 'checking' ? [problem] : verdict ? [{ ...problem, reason: 'nested' }] : [],
              ),
            );
          },
          () => undefined,
        ),
      300,
    );
    return () => clearTimeout(timer);
  }, [draft.path, draft.pathKind]);

  const set = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setField = (key: UserRuleField, patch: Partial<RuleDraft['fields'][UserRuleField]>) =>
    setDraft((current) => ({
      ...current,
      fields: { ...current.fields, [key]: { ...current.fields[key], ...patch } },
    }));

  /** The rule the form holds, or undefined with its problems shown. */
  function validRule(): UserRule | undefined {
    onAttempt();
    const candidate = ruleOf(draft, editing?.id ?? (newId ?? (() => crypto.randomUUID()))());
    const parsed = UserRule.safeParse(candidate);
    const found = parsed.success ? [] : ruleProblems(candidate);
    // RE2 runs any pattern in linear time; one that would backtrack catastrophically
    // elsewhere is refused all the same (lib/crm/user-rule-redos.ts says why).
    if (draft.pathKind === 'regex' && !found.some((problem) => problem.field === 'path')) {
      const verdict = backtracksCatastrophically(draft.path.trim());
      // Until the checker has loaded the rule waits; the note updates itself once it has.
      if (verdict !== false) found.push({ field: 'path', reason: verdict ? 'nested' : 'checking' });
    }
    setProblems(found);
    return parsed.success && found.length === 0 ? parsed.data : undefined;
  }

  const problemFor = (field: string) => problems.find((problem) => problem.field.startsWith(field));
  const noteId = (field: string) => `rule-problem-${field.replace('.', '-')}`;
  const describedBy = (field: string) => (problemFor(field) ? noteId(field) : undefined);
  const problemNote = (field: string) => {
    const problem = problemFor(field);
    return problem ? (
      <span class="error" id={noteId(field)}>
        {problemText(problem)}
      </span>
    ) : null;
  };

  /** One of the rule's own text fields, with its problem said beside it. */
  const textField = (
    key: 'name' | 'matches' | 'path',
    name: string,
    label: string,
    maxLength: number,
    placeholder?: string,
    ref?: Ref<HTMLInputElement>,
  ) => (
    <label>
      {label}
      <input
        name={name}
        ref={ref}
        value={draft[key]}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-invalid={problemFor(key) ? 'true' : undefined}
        aria-describedby={describedBy(key)}
        onInput={(event) => set({ [key]: event.currentTarget.value })}
      />
      {problemNote(key)}
    </label>
  );

  return (
    <form
      aria-labelledby="rule-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const rule = validRule();
        if (rule) onSave(rule);
      }}
    >
      <h3 id="rule-form-heading">{editing ? t('ruleEditing', editing.name) : t('ruleNew')}</h3>
      {textField('name', 'ruleName', t('ruleName'), 80, undefined, nameInput)}
      {textField('matches', 'ruleMatches', t('ruleMatches'), 260, 'https://crm.example.com/*')}
      <label>
        {t('rulePathKind')}
        <select
          name="rulePathKind"
          value={draft.pathKind}
          onChange={(event) => set({ pathKind: event.currentTarget.value as RuleDraft['pathKind'] })}
        >
          <option value="pattern">{t('rulePathKindPattern')}</option>
          <option value="regex">{t('rulePathKindRegex')}</option>
        </select>
      </label>
      {textField(
        'path',
        'rulePath',
        t('rulePath'),
        200,
        draft.pathKind === 'pattern' ? t('rulePathPatternExample') : t('rulePathRegexExample'),
      )}
      <label>
        {t('ruleType')}
        <select
          name="ruleType"
          value={draft.type}
          onChange={(event) => set({ type: event.currentTarget.value as RuleDraft['type'] })}
        >
          <option value="lead">{t('ruleTypeLead')}</option>
          <option value="contact">{t('ruleTypeContact')}</option>
          <option value="company">{t('ruleTypeCompany')}</option>
        </select>
      </label>
      {FIELDS.map((key) => (
        <fieldset key={key}>
          <legend>{t(FIELD_LABEL[key])}</legend>
          <select
            name={`rule-${key}-by`}
            aria-label={t('ruleFieldBy', t(FIELD_LABEL[key]))}
            value={draft.fields[key].by}
            onChange={(event) => setField(key, { by: event.currentTarget.value as 'selector' | 'label' })}
          >
            <option value="selector">{t('ruleBySelector')}</option>
            <option value="label">{t('ruleByLabel')}</option>
          </select>
          <input
            name={`rule-${key}`}
            aria-label={t('ruleFieldValue', t(FIELD_LABEL[key]))}
            value={draft.fields[key].value}
            maxLength={300}
            aria-invalid={problemFor(`fields.${key}`) ? 'true' : undefined}
            aria-describedby={describedBy(`fields.${key}`)}
            onInput={(event) => setField(key, { value: event.currentTarget.value })}
          />
          {problemNote(`fields.${key}`)}
        </fieldset>
      ))}
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            const rule = validRule();
            if (rule) onTry(rule);
          }}
        >
          {t('ruleTry')}
        </button>
        <button type="submit">{t('ruleSave')}</button>
        {editing && (
          <button type="button" onClick={onCancel}>
            {t('ruleEditCancel')}
          </button>
        )}
      </div>
    </form>
  );
}
