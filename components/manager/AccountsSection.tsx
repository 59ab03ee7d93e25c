import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { formatUsd, PRICE_USD } from '@/lib/x/prices';
import { AddAccountWizard } from './AddAccountWizard';
import { type ManagerProps, messageOf, safeImage } from './api';
import { EditAccount } from './EditAccount';
import { TestResults, type TestState } from './TestResults';

/** The X accounts the extension acts as: Add, Edit, Test, Delete, Enable and Default, and Help. */
export function AccountsSection({ state, send, onState, onUsed }: ManagerProps & { onUsed?: () => void }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [test, setTest] = useState<TestState | null>(null);
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

  async function runTest(xUserId: string, handle: string) {
    setTest({ kind: 'running', handle });
    try {
      const result = await send('accountTest', { xUserId });
      setTest({ kind: 'done', handle, ...result });
    } catch (failure) {
      setTest({ kind: 'failed', handle, message: messageOf(failure) });
    }
    onUsed?.();
  }

  const edited = state.accounts.find((account) => account.xUserId === editing);

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
                <td class="row-actions">
                  <button
                    type="button"
                    aria-label={t('accountEditFor', `@${account.handle}`)}
                    aria-expanded={editing === account.xUserId}
                    onClick={() => setEditing(editing === account.xUserId ? null : account.xUserId)}
                  >
                    {t('edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('accountTestFor', `@${account.handle}`)}
                    disabled={test?.kind === 'running'}
                    onClick={() => runTest(account.xUserId, account.handle)}
                  >
                    {t('accountTest')}
                  </button>
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
      {state.accounts.length > 0 && (
        <p class="status">{t('accountTestHelp', formatUsd(PRICE_USD.readPost))}</p>
      )}
      {test && <TestResults test={test} onClose={() => setTest(null)} />}
      {edited && (
        <EditAccount
          key={edited.xUserId}
          account={edited}
          send={send}
          onState={onState}
          onClose={() => setEditing(null)}
          canUseOauth2={Boolean(state.keys?.clientId)}
          locked={state.policy.locked}
        />
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
