import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { type ManagerProps, messageOf } from './api';

/** "Authentication": the app's keys, shown; edited in a dialog that cannot delete them. */
export function KeysSection({ state, send, onState }: ManagerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const keys = state.keys;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError('');
    try {
      onState(
        await send('keysSave', {
          consumerKey: String(form.get('consumerKey') ?? ''),
          consumerSecret: String(form.get('consumerSecret') ?? ''),
          clientId: String(form.get('clientId') ?? ''),
        }),
      );
      dialog.current?.close();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('keysHeading')}</h2>
      {(state.policy.locked || state.policy.keysFromPolicy) && (
        <p class="managed" id="keys-managed">
          {t('setByOrganisation')}
        </p>
      )}
      {state.policy.secretFromPolicy && (
        <p class="warning" role="note" id="keys-secret-readable">
          {t('keysPolicySecretReadable')}
        </p>
      )}
      <dl class="keys">
        <div>
          <dt>{t('consumerKey')}</dt>
          <dd>
            <input aria-label={t('consumerKey')} readOnly disabled value={keys?.consumerKey ?? ''} />
          </dd>
        </div>
        <div>
          <dt>{t('consumerSecret')}</dt>
          <dd>
            <input
              aria-label={t('consumerSecret')}
              type="password"
              readOnly
              disabled
              value={keys?.consumerSecretRecorded ? '••••••••••••' : ''}
            />
          </dd>
        </div>
        <div>
          <dt>{t('clientId')}</dt>
          <dd>
            <input aria-label={t('clientId')} readOnly disabled value={keys?.clientId ?? ''} />
          </dd>
        </div>
      </dl>
      <button
        type="button"
        disabled={state.policy.locked}
        aria-describedby={state.policy.locked ? 'keys-managed' : undefined}
        onClick={() => dialog.current?.showModal()}
      >
        {t('keysSettings')}
      </button>
      <dialog ref={dialog} aria-labelledby="keys-dialog-heading">
        <form method="dialog" onSubmit={save}>
          <h3 id="keys-dialog-heading">{t('keysDialogHeading')}</h3>
          <p class="status">{t('keysDialogHelp')}</p>
          <label>
            {t('consumerKey')}
            <input name="consumerKey" required autoComplete="off" defaultValue={keys?.consumerKey ?? ''} />
          </label>
          <label>
            {t('consumerSecret')}
            <input
              name="consumerSecret"
              type="password"
              autoComplete="off"
              required={!keys?.consumerSecretRecorded}
              placeholder={keys?.consumerSecretRecorded ? t('consumerSecretKeep') : ''}
            />
          </label>
          <label>
            {t('clientId')}
            <input name="clientId" autoComplete="off" defaultValue={keys?.clientId ?? ''} />
          </label>
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          <div class="buttons">
            <button type="submit" disabled={busy}>
              {busy ? t('keysChecking') : t('save')}
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              {t('cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
