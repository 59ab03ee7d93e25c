import { useEffect, useState } from 'preact/hooks';
import type { CrmRecord } from '@/lib/crm/record';
import { t } from '@/lib/i18n';
import { RecordSummary } from './RecordSummary';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; record: CrmRecord | null }
  | { kind: 'failed'; message: string };

/** The panel shown on a record: asks the background which record its tab shows. */
export function RecordPanel({ loadRecord }: { loadRecord: () => Promise<CrmRecord | null> }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    loadRecord().then(
      (record) => setState({ kind: 'ready', record }),
      (error: unknown) =>
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [loadRecord]);

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
  if (!state.record) return <p class="status">{t('panelNoRecord')}</p>;
  return <RecordSummary record={state.record} />;
}
