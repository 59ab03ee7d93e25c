import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { type ManagerProps, messageOf } from './api';

/** The one place the app's keys can be deleted, behind a typed confirmation. */
export function MaintenanceSection({ state, send, onState }: ManagerProps) {
  // The word typed is the user's language's ("LÖSCHEN" in German); the message to the
  // background keeps its own fixed token.
  const confirmWord = t('maintenanceConfirmWord');
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function deleteKeys(event: SubmitEvent) {
    event.preventDefault();
    try {
      onState(await send('keysDelete', { confirm: 'DELETE' }));
      setTyped('');
      setMessage({ text: t('keysDeleted'), isError: false });
    } catch (failure) {
      setMessage({ text: messageOf(failure), isError: true });
    }
  }

  return (
    <section class="maintenance" aria-labelledby="maintenance-heading">
      <h2 id="maintenance-heading">{t('maintenanceHeading')}</h2>
      <p>{state.keys ? t('maintenanceKeysHelp') : t('maintenanceNoKeys')}</p>
      {state.accounts.length > 0 && (
        <>
          <p id="dependent-accounts">{t('maintenanceDependents')}</p>
          <ul aria-labelledby="dependent-accounts">
            {state.accounts.map((account) => (
              <li key={account.xUserId}>
                {account.name} (@{account.handle})
              </li>
            ))}
          </ul>
        </>
      )}
      {state.policy.locked && <p class="managed">{t('setByOrganisation')}</p>}
      <form onSubmit={deleteKeys} hidden={!state.keys || state.policy.locked}>
        <label>
          {t('maintenanceTypeToConfirm', confirmWord)}
          <input
            value={typed}
            onInput={(event) => setTyped((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="danger" disabled={typed !== confirmWord}>
          {t('maintenanceDeleteKeys')}
        </button>
      </form>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} class={message.isError ? 'error' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
