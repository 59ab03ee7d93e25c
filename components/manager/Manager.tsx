import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ManagerState } from '@/lib/messages/manager-messages';
import { AccountsSection } from './AccountsSection';
import { KeysSection } from './KeysSection';
import { MaintenanceSection } from './MaintenanceSection';
import { messageOf, type Send } from './api';

/** The integration manager: keys, accounts and maintenance. */
export function Manager({ send }: { send: Send }) {
  const [state, setState] = useState<ManagerState | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    send('managerState', {}).then(setState, (failure: unknown) => setError(messageOf(failure)));
  }, [send]);

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
          <AccountsSection state={state} send={send} onState={setState} />
          <MaintenanceSection state={state} send={send} onState={setState} />
        </>
      )}
    </>
  );
}
