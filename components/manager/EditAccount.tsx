import { useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { AccountSummary } from '@/lib/store/accounts';
import { formatUsd, PRICE_USD } from '@/lib/x/prices';
import { type ManagerProps, messageOf } from './api';

/**
 * "Edit", as the manual has it: rename the account, or authorise it again: with a PIN
 * (the Add wizard's steps) or, when the app has an OAuth 2.0 Client ID, with "Sign in with
 * X" (OAuth 2.0 PKCE), which also switches a PIN account to OAuth 2.0. Whichever way, X
 * must answer with the same X user, or nothing is stored.
 */
export function EditAccount({
  account,
  send,
  onState,
  onClose,
  canUseOauth2,
  locked,
}: Omit<ManagerProps, 'state'> & {
  account: AccountSummary;
  onClose: () => void;
  canUseOauth2: boolean;
  /** The organisation's policy locks the settings: what the meter charges stays as set. */
  locked: boolean;
}) {
  const [name, setName] = useState(account.name);
  const [pinStep, setPinStep] = useState(false);
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);
  const handle = `@${account.handle}`;
  const headingId = `edit-${account.xUserId}`;

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ text: await work(), isError: false });
    } catch (failure) {
      setNotice({ text: messageOf(failure), isError: true });
    } finally {
      setBusy(false);
    }
  }

  const rename = (event: SubmitEvent) => {
    event.preventDefault();
    void run(async () => {
      onState(await send('accountUpdate', { xUserId: account.xUserId, name: name.trim() }));
      return t('accountRenamed', name.trim());
    });
  };

  /** Owned Reads: X bills this account's reads of its own posts, followers… at a tenth of a cent. */
  const setOwnsApp = (ownsApp: boolean) =>
    run(async () => {
      onState(await send('accountUpdate', { xUserId: account.xUserId, ownsApp }));
      return ownsApp ? t('ownsAppOn', handle) : t('ownsAppOff', handle);
    });

  const startPin = () =>
    run(async () => {
      await send('accountAddStart', { name: account.name });
      setPinStep(true);
      queueMicrotask(() => pinInput.current?.focus());
      return t('wizardPinHelp');
    });

  const finishPin = (event: SubmitEvent) => {
    event.preventDefault();
    const pin = String(new FormData(event.currentTarget as HTMLFormElement).get('pin') ?? '').trim();
    void run(async () => {
      const { state } = await send('accountReauthFinish', { xUserId: account.xUserId, pin });
      onState(state);
      setPinStep(false);
      return t('reauthDone', handle);
    });
  };

  const oauth2 = () =>
    run(async () => {
      const { state } = await send('accountReauthOauth2', { xUserId: account.xUserId });
      onState(state);
      return t('reauthDone', handle);
    });

  return (
    <div class="wizard edit-account">
      <h3 id={headingId}>{t('accountEditHeading', handle)}</h3>
      <form onSubmit={rename}>
        <label>
          {t('accountName')}
          <input
            name="name"
            required
            maxLength={80}
            autoComplete="off"
            value={name}
            onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <div class="buttons">
          <button type="submit" disabled={busy || name.trim() === '' || name.trim() === account.name}>
            {t('accountRename')}
          </button>
        </div>
      </form>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={account.ownsApp}
          disabled={busy || locked}
          aria-describedby={`owns-app-help-${account.xUserId}`}
          onChange={(event) => setOwnsApp((event.currentTarget as HTMLInputElement).checked)}
        />
        {t('ownsApp')}
      </label>
      <p id={`owns-app-help-${account.xUserId}`} class="status">
        {t(
          'ownsAppHelp',
          formatUsd(PRICE_USD.ownedRead),
          formatUsd(PRICE_USD.readPost),
          formatUsd(PRICE_USD.readUser),
        )}
        {locked && ` ${t('setByOrganisation')}`}
      </p>
      <p class="status">
        {t('accountAuthKind', account.authKind === 'oauth2' ? t('authOauth2') : t('authOauth1'))}
      </p>
      <div class="buttons">
        <button type="button" disabled={busy} onClick={startPin}>
          {t('reauthPin')}
        </button>
        <button
          type="button"
          disabled={busy || !canUseOauth2}
          aria-describedby={canUseOauth2 ? undefined : `oauth2-why-${account.xUserId}`}
          onClick={oauth2}
        >
          {account.authKind === 'oauth2' ? t('reauthOauth2Again') : t('reauthSwitchOauth2')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {!canUseOauth2 && (
        <p id={`oauth2-why-${account.xUserId}`} class="status">
          {t('reauthOauth2NeedsClientId')}
        </p>
      )}
      {pinStep && (
        <form onSubmit={finishPin}>
          <label>
            {t('pin')}
            <input ref={pinInput} name="pin" required inputMode="numeric" autoComplete="one-time-code" />
          </label>
          <div class="buttons">
            <button type="submit" disabled={busy}>
              {t('finish')}
            </button>
            <button type="button" onClick={() => setPinStep(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {notice && (
        <p role={notice.isError ? 'alert' : 'status'} class={notice.isError ? 'error' : 'status'}>
          {notice.text}
        </p>
      )}
    </div>
  );
}
