import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { type ManagerProps, messageOf, safeImage } from './api';

type Step =
  | { kind: 'name' }
  | { kind: 'pin'; name: string }
  | { kind: 'done'; handle: string; avatarUrl: string };

/**
 * The Add wizard, as the manual has it: a name; "Next" opens X's authorize page in a tab;
 * the user pastes the PIN X shows; "Finish" signs in and shows who it is.
 */
export function AddAccountWizard({
  send,
  onState,
  onClose,
  canUseOauth2,
}: Omit<ManagerProps, 'state'> & { onClose: () => void; canUseOauth2: boolean }) {
  const [step, setStep] = useState<Step>({ kind: 'name' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const next = (event: SubmitEvent) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '').trim();
    // The form's second submit button chooses OAuth 2.0 instead of the PIN flow.
    const withOauth2 = (event.submitter as HTMLButtonElement | null)?.value === 'oauth2';
    void run(async () => {
      if (withOauth2) {
        const { account, state } = await send('accountAddOauth2', { name });
        onState(state);
        setStep({ kind: 'done', handle: account.handle, avatarUrl: account.avatarUrl });
        return;
      }
      await send('accountAddStart', { name });
      setStep({ kind: 'pin', name });
      queueMicrotask(() => pinInput.current?.focus());
    });
  };

  const finish = (event: SubmitEvent) => {
    event.preventDefault();
    const pin = String(new FormData(event.currentTarget as HTMLFormElement).get('pin') ?? '').trim();
    void run(async () => {
      const { account, state } = await send('accountAddFinish', { pin });
      onState(state);
      setStep({ kind: 'done', handle: account.handle, avatarUrl: account.avatarUrl });
    });
  };

  return (
    <div class="wizard">
      {step.kind === 'name' && (
        <form onSubmit={next}>
          <label>
            {t('accountName')}
            <input name="name" required maxLength={80} autoComplete="off" />
          </label>
          <p class="status">{t('wizardNameHelp')}</p>
          <div class="buttons">
            <button type="submit" disabled={busy}>
              {t('next')}
            </button>
            <button type="submit" value="oauth2" disabled={busy || !canUseOauth2}>
              {t('signInWithX')}
            </button>
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'pin' && (
        <form onSubmit={finish}>
          <p class="status">{t('wizardPinHelp')}</p>
          <label>
            {t('pin')}
            <input ref={pinInput} name="pin" required inputMode="numeric" autoComplete="one-time-code" />
          </label>
          <div class="buttons">
            <button type="submit" disabled={busy}>
              {t('finish')}
            </button>
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'done' && (
        <div role="status" class="signed-in">
          {safeImage(step.avatarUrl) && <img src={safeImage(step.avatarUrl)} alt="" width={48} height={48} />}
          <p>{t('wizardDone', `@${step.handle}`)}</p>
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
