import { useEffect, useState } from 'preact/hooks';
import { MAX_USER_RULES, type UserRule } from '@/lib/crm/user-rules';
import { t, tCount } from '@/lib/i18n';
import { onSettingsChanged } from '@/lib/messages/settings-changed';
import { messageOf, type Send } from './api';
import { RuleForm } from './rules/RuleForm';
import { extensionRuleBrowser, type RuleBrowser, type TriedTab } from './rules/rule-browser';
import { TriedTabs } from './rules/TriedTabs';

/**
 * "Other CRMs": the user's own rules for a CRM no adapter knows. A rule is tried on the open
 * tabs of its host before it is saved; saving asks the browser for that one host (again only
 * when an edit changes it). The rules are saved through the worker, which keeps them where no
 * CRM page can write, gives each content script its host's rules and registers the content
 * script for their granted hosts.
 */
export function RulesSection({ send, hosts = extensionRuleBrowser }: { send: Send; hosts?: RuleBrowser }) {
  const [rules, setRules] = useState<UserRule[]>([]);
  const [editing, setEditing] = useState<UserRule | null>(null);
  // A new key starts the form afresh: after a save, or to edit another rule.
  const [formKey, setFormKey] = useState(0);
  const [tried, setTried] = useState<TriedTab[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    const load = () =>
      send('rulesList', {}).then(setRules, (failure: unknown) => setError(messageOf(failure)));
    void load();
    // Another manager tab may change the rules.
    return onSettingsChanged(() => void load());
  }, [send]);

  const clearMessages = () => {
    setStatus('');
    setError('');
  };

  const startForm = (rule: UserRule | null) => {
    clearMessages();
    setEditing(rule);
    setTried(null);
    setFormKey((key) => key + 1);
  };

  function tryRule(rule: UserRule) {
    const granted = hosts.requestHost(rule.matches);
    setTried(null);
    setStatus(t('ruleTrying'));
    void (async () => {
      try {
        if (!(await granted)) return setStatus(t('ruleNotGranted'));
        const results = await hosts.tryOnOpenTabs(rule);
        setTried(results);
        setStatus(results.length === 0 ? t('ruleTryNoTabs') : '');
      } catch (failure) {
        setStatus('');
        setError(messageOf(failure));
      }
    })();
  }

  function save(rule: UserRule) {
    const replaced = editing;
    if (!replaced && rules.length >= MAX_USER_RULES) return setError(tCount('ruleTooMany', MAX_USER_RULES));
    // An edit that keeps the host needs nothing new from the browser.
    const hostChanged = replaced?.matches !== rule.matches;
    const granted = hostChanged ? hosts.requestHost(rule.matches) : Promise.resolve(true);
    void (async () => {
      try {
        if (!(await granted)) return setError(t('ruleNotGranted'));
        const next = await send('ruleSave', rule);
        setRules(next);
        startForm(null);
        setStatus(t('ruleSaved', rule.name));
        if (replaced && hostChanged && !next.some((other) => other.matches === replaced.matches)) {
          await hosts.releaseHost(replaced.matches);
        }
      } catch (failure) {
        setError(messageOf(failure));
      }
    })();
  }

  async function remove(rule: UserRule) {
    clearMessages();
    try {
      const next = await send('ruleDelete', { id: rule.id });
      setRules(next);
      if (editing?.id === rule.id) startForm(null);
      // The host goes back when no other rule needs it.
      if (!next.some((other) => other.matches === rule.matches)) await hosts.releaseHost(rule.matches);
      setStatus(t('ruleDeleted', rule.name));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <section aria-labelledby="rules-heading" class="rules">
      <h2 id="rules-heading">{t('rulesHeading')}</h2>
      <p class="status">{t('rulesHelp')}</p>
      {rules.length === 0 ? (
        <p class="status">{t('rulesNone')}</p>
      ) : (
        <ul class="rules-list" aria-label={t('rulesSaved')}>
          {rules.map((rule) => (
            <li key={rule.id} aria-current={editing?.id === rule.id ? 'true' : undefined}>
              <span>
                {rule.name} — {rule.matches} {rule.path}
              </span>{' '}
              <button
                type="button"
                aria-label={t('ruleEditLabel', rule.name)}
                onClick={() => startForm(rule)}
              >
                {t('ruleEdit')}
              </button>{' '}
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
      <RuleForm
        key={formKey}
        editing={editing}
        onAttempt={clearMessages}
        onTry={tryRule}
        onSave={save}
        onCancel={() => startForm(null)}
      />
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
      {tried && tried.length > 0 && <TriedTabs tried={tried} />}
    </section>
  );
}
