import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { ManagerState } from '@/lib/messages/manager-state';
import { AccountsSection } from './AccountsSection';
import { KeysSection } from './KeysSection';
import { MaintenanceSection } from './MaintenanceSection';
import { SettingsSection } from './SettingsSection';
import { UsageSection } from './UsageSection';
import { messageOf, type Send } from './api';
import { LazySection } from './LazySection';
import { loadSection } from './section-scripts';

// Backup is used seldom and carries its own code (import previews, text decoding): fetched
// when opened, so the manager paints without it.
const loadBackup = () => loadSection('backup');
// Rules, for a CRM no adapter knows, are set up once; their checks (zod, the regex engine that
// cannot backtrack) weigh more than the rest of the manager together.
const loadRules = () => loadSection('rules');

/**
 * The integration manager: keys, accounts, usage and budget, backup, and maintenance.
 * `firstState` is the worker's answer to `managerState` asked before the manager was drawn
 * (its page asks first thing); without it the manager asks once it is drawn.
 */
export function Manager({ send, firstState }: { send: Send; firstState?: Promise<ManagerState> }) {
  const [state, setState] = useState<ManagerState | null>(null);
  const [error, setError] = useState('');
  // Bumped after something that calls X (the account Test), so the usage chart reloads.
  const [usageRefresh, setUsageRefresh] = useState(0);
  const [policyVersion, setPolicyVersion] = useState(0);
  // A layout effect: the answer asked before drawing is taken as soon as it comes, not after a paint.
  useLayoutEffect(() => {
    const load = (asked = send('managerState', {})) =>
      asked.then(setState, (failure: unknown) => setError(messageOf(failure)));
    void load(firstState);
    // A policy can arrive or change while the manager is open (browsers load it after start).
    const onChanged = (_changes: unknown, area: string) => {
      if (area !== 'managed') return;
      void load();
      // The budget and the settings may be set or locked by it too.
      setPolicyVersion((version) => version + 1);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [send, firstState]);

  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!state && !error && (
        <p role="status" class="status">
          {t('loading')}
        </p>
      )}
      {state && (
        <>
          <KeysSection state={state} send={send} onState={setState} />
          <AccountsSection
            state={state}
            send={send}
            onState={setState}
            onUsed={() => setUsageRefresh((count) => count + 1)}
          />
          <UsageSection send={send} refresh={usageRefresh + policyVersion} />
          <SettingsSection send={send} refresh={policyVersion} />
          <LazySection
            id="backup-closed-heading"
            heading={t('backupHeading')}
            load={loadBackup}
            send={send}
          />
          <LazySection id="rules-closed-heading" heading={t('rulesHeading')} load={loadRules} send={send} />
          <MaintenanceSection state={state} send={send} onState={setState} />
        </>
      )}
    </>
  );
}
