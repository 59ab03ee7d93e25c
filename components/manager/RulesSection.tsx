import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { crmHostPatterns } from '@/lib/crm/hosts';
import { userRulePathId } from '@/lib/crm/user-rule-path';
import { applyUserRule, type UserRuleField, type UserRuleReading } from '@/lib/crm/user-rule-read';
import { backtracksCatastrophically, loadBacktrackingCheck } from '@/lib/crm/user-rule-redos';
import { MAX_USER_RULES, type RuleProblem, ruleProblems, UserRule } from '@/lib/crm/user-rules';
import { formatList, type MessageKey, t, tCount } from '@/lib/i18n';
import { onSettingsChanged } from '@/lib/messages/settings-changed';
import { messageOf, type Send } from './api';

const FIELDS: readonly UserRuleField[] = ['name', 'company', 'email', 'twitter'];
const FIELD_LABEL: Record<UserRuleField, MessageKey> = {
  name: 'ruleFieldName',
  company: 'ruleFieldCompany',
  email: 'ruleFieldEmail',
  twitter: 'ruleFieldTwitter',
};
/** At most this many open tabs are tried: enough to see the rule work, quick to show. */
const MAX_TRIED_TABS = 5;

/** What the form holds, as typed. */
interface Draft {
  name: string;
  matches: string;
  pathKind: 'pattern' | 'regex';
  path: string;
  type: UserRule['type'];
  fields: Record<UserRuleField, { by: 'selector' | 'label'; value: string }>;
}

const EMPTY: Draft = {
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

/** The rule a draft stands for: blank optional fields are left out. */
function ruleOf(draft: Draft, id: string): unknown {
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

/** One tab tried: where, and what the rule read there. */
interface Tried {
  title: string;
  url: string;
  reading: UserRuleReading | undefined;
}

function problemText(problem: RuleProblem): string {
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

function readingText(reading: UserRuleReading | undefined): string {
  if (!reading) return t('ruleTryNoAnswer');
  if (reading.ok) return '';
  if (reading.reason === 'host') return t('ruleTryWrongHost');
  if (reading.reason === 'path') return t('ruleTryNoRecord');
  if (reading.reason === 'name') {
    return t('ruleTryNotFound', formatList(reading.missing.map((key) => t(FIELD_LABEL[key]))));
  }
  return t('ruleTryFailed');
}

/**
 * "Other CRMs": the user's own rules for a CRM no adapter knows. A rule is tried on the open
 * tabs of its host before it is saved; saving asks the browser for that one host. The rules
 * are saved through the worker, which keeps them where no CRM page can write, gives each
 * content script its host's rules and registers the content script for their granted hosts.
 */
export function RulesSection({ send }: { send: Send }) {
  const [rules, setRules] = useState<UserRule[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<RuleProblem[]>([]);
  const [tried, setTried] = useState<Tried[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    // Ready long before anyone has typed a pattern and pressed Save.
    void loadBacktrackingCheck();
    const load = () =>
      send('rulesList', {}).then(setRules, (failure: unknown) => setError(messageOf(failure)));
    void load();
    // Another manager tab may change the rules.
    return onSettingsChanged(() => void load());
  }, [send]);

  // Checked while the user types, so Try and Save (which must ask for the host at once, in
  // the click's user gesture) find the verdict ready.
  useEffect(() => {
    if (draft.pathKind !== 'regex') return;
    const source = draft.path.trim();
    const timer = setTimeout(
      () =>
        void loadBacktrackingCheck().then(() => {
          const verdict = backtracksCatastrophically(source);
          setProblems((current) =>
            current.flatMap((problem) =>
              problem.reason !== 'checking' ? [problem] : verdict ? [{ ...problem, reason: 'nested' }] : [],
            ),
          );
        }),
      300,
    );
    return () => clearTimeout(timer);
  }, [draft.path, draft.pathKind]);

  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const setField = (key: UserRuleField, patch: Partial<Draft['fields'][UserRuleField]>) =>
    setDraft((current) => ({
      ...current,
      fields: { ...current.fields, [key]: { ...current.fields[key], ...patch } },
    }));

  /** The rule the form holds, or undefined with its problems shown. */
  function validDraft(): UserRule | undefined {
    setStatus('');
    setError('');
    const candidate = ruleOf(draft, crypto.randomUUID());
    const parsed = UserRule.safeParse(candidate);
    const problems = parsed.success ? [] : ruleProblems(candidate);
    // RE2 runs any pattern in linear time; one that would backtrack catastrophically
    // elsewhere is refused all the same (lib/crm/user-rule-redos.ts says why).
    if (draft.pathKind === 'regex' && !problems.some((problem) => problem.field === 'path')) {
      const verdict = backtracksCatastrophically(draft.path.trim());
      // Until the checker has loaded the rule waits; the note updates itself once it has.
      if (verdict !== false) problems.push({ field: 'path', reason: verdict ? 'nested' : 'checking' });
    }
    setProblems(problems);
    return parsed.success && problems.length === 0 ? parsed.data : undefined;
  }

  /**
   * Asks for the rule's host. Called first thing in a click handler, before any await: the
   * browser grants optional permissions only during the user's gesture. A host the manifest
   * already holds needs no prompt and resolves at once.
   */
  const askForHost = (rule: UserRule) => browser.permissions.request({ origins: [rule.matches] });

  function tryRule() {
    const rule = validDraft();
    if (!rule) return;
    const granted = askForHost(rule);
    setTried(null);
    setStatus(t('ruleTrying'));
    void (async () => {
      try {
        if (!(await granted)) return setStatus(t('ruleNotGranted'));
        const tabs = (await browser.tabs.query({ url: rule.matches })).slice(0, MAX_TRIED_TABS);
        const results: Tried[] = [];
        for (const tab of tabs) {
          if (tab.id === undefined) continue;
          let reading: UserRuleReading | undefined;
          try {
            // The same function the content script runs, sent into the tab: what the user
            // sees here is what the icon will read.
            // The path is matched here, with RE2; only the id found travels into the tab.
            const pathId = tab.url ? (userRulePathId(rule, new URL(tab.url)) ?? null) : null;
            const [frame] = await browser.scripting.executeScript({
              target: { tabId: tab.id },
              func: applyUserRule,
              args: [rule, null, 'try', pathId],
            });
            reading = frame?.result as UserRuleReading | undefined;
          } catch {
            reading = undefined;
          }
          results.push({ title: tab.title ?? '', url: tab.url ?? '', reading });
        }
        setTried(results);
        setStatus(results.length === 0 ? t('ruleTryNoTabs') : '');
      } catch (failure) {
        setStatus('');
        setError(messageOf(failure));
      }
    })();
  }

  function save() {
    const rule = validDraft();
    if (!rule) return;
    if (rules.length >= MAX_USER_RULES) return setError(tCount('ruleTooMany', MAX_USER_RULES));
    const granted = askForHost(rule);
    void (async () => {
      try {
        if (!(await granted)) return setError(t('ruleNotGranted'));
        setRules(await send('ruleSave', rule));
        setDraft(EMPTY);
        setTried(null);
        setStatus(t('ruleSaved', rule.name));
      } catch (failure) {
        setError(messageOf(failure));
      }
    })();
  }

  async function remove(rule: UserRule) {
    setStatus('');
    setError('');
    try {
      const next = await send('ruleDelete', { id: rule.id });
      setRules(next);
      // The host goes back when no other rule needs it; the manifest's own hosts are not ours to give back.
      const stillUsed = next.some((other) => other.matches === rule.matches);
      if (!stillUsed && !crmHostPatterns.includes(rule.matches)) {
        await browser.permissions.remove({ origins: [rule.matches] });
      }
      setStatus(t('ruleDeleted', rule.name));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  const problemFor = (field: string) => problems.find((problem) => problem.field.startsWith(field));
  const describedBy = (field: string) =>
    problemFor(field) ? `rule-problem-${field.replace('.', '-')}` : undefined;
  const problemNote = (field: string) => {
    const problem = problemFor(field);
    return problem ? (
      <span class="error" id={`rule-problem-${field.replace('.', '-')}`}>
        {problemText(problem)}
      </span>
    ) : null;
  };

  return (
    <section aria-labelledby="rules-heading" class="rules">
      <h2 id="rules-heading">{t('rulesHeading')}</h2>
      <p class="status">{t('rulesHelp')}</p>
      {rules.length === 0 ? (
        <p class="status">{t('rulesNone')}</p>
      ) : (
        <ul class="rules-list" aria-label={t('rulesSaved')}>
          {rules.map((rule) => (
            <li key={rule.id}>
              <span>
                {rule.name} — {rule.matches} {rule.path}
              </span>{' '}
              <button
                type="button"
                aria-label={t('ruleDeleteLabel', rule.name)}
                onClick={() => void remove(rule)}
              >
                {t('ruleDelete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-labelledby="rule-form-heading"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <h3 id="rule-form-heading">{t('ruleNew')}</h3>
        <label>
          {t('ruleName')}
          <input
            name="ruleName"
            value={draft.name}
            maxLength={80}
            aria-invalid={problemFor('name') ? 'true' : undefined}
            aria-describedby={describedBy('name')}
            onInput={(event) => set({ name: event.currentTarget.value })}
          />
          {problemNote('name')}
        </label>
        <label>
          {t('ruleMatches')}
          <input
            name="ruleMatches"
            value={draft.matches}
            placeholder="https://crm.example.com/*"
            maxLength={260}
            aria-invalid={problemFor('matches') ? 'true' : undefined}
            aria-describedby={describedBy('matches')}
            onInput={(event) => set({ matches: event.currentTarget.value })}
          />
          {problemNote('matches')}
        </label>
        <label>
          {t('rulePathKind')}
          <select
            name="rulePathKind"
            value={draft.pathKind}
            onChange={(event) => set({ pathKind: event.currentTarget.value as Draft['pathKind'] })}
          >
            <option value="pattern">{t('rulePathKindPattern')}</option>
            <option value="regex">{t('rulePathKindRegex')}</option>
          </select>
        </label>
        <label>
          {t('rulePath')}
          <input
            name="rulePath"
            value={draft.path}
            placeholder={
              draft.pathKind === 'pattern' ? t('rulePathPatternExample') : t('rulePathRegexExample')
            }
            maxLength={200}
            aria-invalid={problemFor('path') ? 'true' : undefined}
            aria-describedby={describedBy('path')}
            onInput={(event) => set({ path: event.currentTarget.value })}
          />
          {problemNote('path')}
        </label>
        <label>
          {t('ruleType')}
          <select
            name="ruleType"
            value={draft.type}
            onChange={(event) => set({ type: event.currentTarget.value as Draft['type'] })}
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
          <button type="button" onClick={tryRule}>
            {t('ruleTry')}
          </button>
          <button type="submit">{t('ruleSave')}</button>
        </div>
      </form>
      {status && (
        <p role="status" class="status">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {tried && tried.length > 0 && (
        <ul class="rule-tried" aria-label={t('ruleTryResults')}>
          {tried.map((tab) => (
            <li key={tab.url}>
              <strong>{tab.title || tab.url}</strong>
              {tab.reading?.ok ? (
                <dl>
                  <dt>{t('ruleType')}</dt>
                  <dd>{tab.reading.type}</dd>
                  <dt>{t('ruleId')}</dt>
                  <dd>{tab.reading.id}</dd>
                  <dt>{t('ruleFieldName')}</dt>
                  <dd>{tab.reading.fields.fullName}</dd>
                  <dt>{t('ruleFieldCompany')}</dt>
                  <dd>{tab.reading.fields.company ?? '—'}</dd>
                  <dt>{t('ruleFieldEmail')}</dt>
                  <dd>{tab.reading.fields.email ?? '—'}</dd>
                  <dt>{t('ruleFieldTwitter')}</dt>
                  <dd>{tab.reading.fields.twitterField ?? '—'}</dd>
                  {tab.reading.missing.length > 0 && (
                    <>
                      <dt>{t('ruleMissing')}</dt>
                      <dd>{formatList(tab.reading.missing.map((key) => t(FIELD_LABEL[key])))}</dd>
                    </>
                  )}
                </dl>
              ) : (
                <p>{readingText(tab.reading)}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
