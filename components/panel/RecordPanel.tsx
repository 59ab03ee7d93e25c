import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { PanelView } from '@/lib/messages/association-messages';
import type { AccountSummary } from '@/lib/store/accounts';
import type { Permissions } from '@/lib/store/policy';
import type { XPerson } from '@/lib/x/people';
import { RecordSummary } from '../RecordSummary';
import { messageOf, type Send } from './api';
import { FindPerson } from './FindPerson';
import { ActingAs } from './ActingAs';
import { AssociatedPerson } from './AssociatedPerson';

type State = { kind: 'loading' } | { kind: 'ready'; view: PanelView } | { kind: 'failed'; message: string };

/** The panel on a record: its association with an X person, and that person's profile and posts. */
export function RecordPanel({ send }: { send: Send }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [changing, setChanging] = useState(false);
  const [actionError, setActionError] = useState('');
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [permissions, setPermissions] = useState<Permissions | null>(null);

  const show = useCallback((work: Promise<PanelView>) => {
    setActionError('');
    work.then(
      (view) => {
        setChanging(false);
        setState({ kind: 'ready', view });
      },
      (error: unknown) => setActionError(messageOf(error)),
    );
  }, []);

  useEffect(() => {
    send('actingAccounts', {}).then(setAccounts, () => setAccounts([]));
    // Until the policy is known, offer no write action rather than one that may be refused.
    send('permissions', {}).then(setPermissions, () => setPermissions(null));
    // What the worker holds already shows while the panel is still hidden (loaded when the
    // pointer reached the icon), so a click shows the person at once; the full view follows.
    let answered = false;
    send('panelViewIfWarm', {}).then(
      (view) => {
        if (view && !answered) setState({ kind: 'ready', view });
      },
      () => {},
    );
    send('panelView', {}).then(
      (view) => {
        answered = true;
        setState({ kind: 'ready', view });
      },
      (error: unknown) => {
        answered = true;
        setState({ kind: 'failed', message: messageOf(error) });
      },
    );
  }, [send]);

  if (state.kind === 'loading') {
    return (
      <p class="status" role="status">
        {t('panelLoading')}
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p class="status error" role="alert">
        {state.message}
      </p>
    );
  }
  const { view } = state;
  if (!view.record) return <p class="status">{t('panelNoRecord')}</p>;
  const associate = (person: XPerson, source: 'search' | 'handle') =>
    show(send('associate', { xUserId: person.id, source, accountId }));

  return (
    <>
      <RecordSummary record={view.record} field={view.field} />
      <ActingAs accounts={accounts} value={accountId} onChange={setAccountId} />
      {view.problem && (
        <p role="alert" class="error">
          {view.problem.message}
        </p>
      )}
      {actionError && (
        <p role="alert" class="error">
          {actionError}
        </p>
      )}
      {view.association && view.person && !changing ? (
        <>
          <p class="association">
            {t(
              view.association.source === 'crm-field' ? 'associatedFromField' : 'associated',
              `@${view.person.handle}`,
            )}
          </p>
          <div class="buttons">
            <button type="button" onClick={() => setChanging(true)}>
              {t('change')}
            </button>
            <button type="button" onClick={() => show(send('disassociate', { accountId }))}>
              {t('disassociate')}
            </button>
          </div>
          <AssociatedPerson
            send={send}
            person={view.person}
            accountId={accountId}
            acting={
              accounts.find((account) => account.xUserId === accountId) ??
              accounts.find((account) => account.isDefault) ??
              null
            }
            permissions={permissions}
          />
        </>
      ) : (
        <FindPerson
          send={send}
          fullName={view.record.fullName}
          accountId={accountId}
          onAssociate={associate}
        />
      )}
    </>
  );
}
