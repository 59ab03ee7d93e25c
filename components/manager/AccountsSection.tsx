import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { AddAccountWizard } from './AddAccountWizard';
import { type ManagerProps, messageOf, safeImage } from './api';

/** The X accounts the extension acts as: Add, Delete, Enable and Default, and Help. */
export function AccountsSection({ state, send, onState }: ManagerProps) {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null);
  const hasKeys = Boolean(state.keys?.consumerKey && state.keys.consumerSecretRecorded);

  async function act(work: () => Promise<string | undefined>) {
    setNotice(null);
    try {
      const text = await work();
      if (text) setNotice({ text, isError: false });
    } catch (failure) {
      setNotice({ text: messageOf(failure), isError: true });
    }
  }

  const add = () => {
    if (!hasKeys) return setNotice({ text: t('xKeysMissing'), isError: true });
    setAdding(true);
  };

  const remove = (xUserId: string, handle: string) =>
    act(async () => {
      if (!confirm(t('accountDeleteConfirm', `@${handle}`))) return undefined;
      const { revoked, state: next } = await send('accountDelete', { xUserId });
      onState(next);
      return revoked ? t('accountDeleted', `@${handle}`) : t('accountDeletedNotRevoked', `@${handle}`);
    });

  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accountsHeading')}</h2>
      {state.accounts.length === 0 ? (
        <p class="status">{t('accountsEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('accountName')}</th>
              <th scope="col">{t('accountHandle')}</th>
              <th scope="col">{t('accountEnabled')}</th>
              <th scope="col">{t('accountDefault')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.accounts.map((account) => (
              <tr key={account.xUserId}>
                <td>{account.name}</td>
                <td class="handle">
                  {safeImage(account.avatarUrl) && (
                    <img src={safeImage(account.avatarUrl)} alt="" width={24} height={24} />
                  )}
                  @{account.handle}
                  {account.needsSignIn && <span class="error"> {t('accountNeedsSignIn')}</span>}
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={account.enabled}
                    aria-label={t('accountEnableFor', `@${account.handle}`)}
                    onChange={(event) =>
                      act(async () => {
                        const enabled = (event.currentTarget as HTMLInputElement).checked;
                        onState(await send('accountUpdate', { xUserId: account.xUserId, enabled }));
                        return undefined;
                      })
                    }
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="default-account"
                    checked={account.isDefault}
                    aria-label={t('accountDefaultFor', `@${account.handle}`)}
                    onChange={() =>
                      act(async () => {
                        onState(await send('accountUpdate', { xUserId: account.xUserId, isDefault: true }));
                        return undefined;
                      })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('accountDeleteFor', `@${account.handle}`)}
                    onClick={() => remove(account.xUserId, account.handle)}
                  >
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="buttons">
        <button type="button" onClick={add} aria-expanded={adding}>
          {t('add')}
        </button>
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/help.html') })}
        >
          {t('help')}
        </button>
      </div>
      {notice && (
        <p role={notice.isError ? 'alert' : 'status'} class={notice.isError ? 'error' : 'status'}>
          {notice.text}
        </p>
      )}
      {adding && (
        <AddAccountWizard
          send={send}
          onState={onState}
          onClose={() => setAdding(false)}
          canUseOauth2={Boolean(state.keys?.clientId)}
        />
      )}
    </section>
  );
}
