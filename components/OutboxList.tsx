import { formatDateTime, t, tCount } from '@/lib/i18n';
import type { OutboxView } from '@/lib/messages/outbox-messages';

export interface OutboxListProps {
  items: readonly OutboxView[];
  /** Ids being sent right now: their Retry is disabled so one click is one send. */
  sending: ReadonlySet<string>;
  onRetry: (item: OutboxView) => void;
  onDelete: (item: OutboxView) => void;
}

const PREVIEW_LENGTH = 80;

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH)}…` : line;
}

/** Posts that could not be sent, each with why, and Retry and Delete buttons. */
export function OutboxList({ items, sending, onRetry, onDelete }: OutboxListProps) {
  if (items.length === 0) return null;
  return (
    <section class="outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outboxTitle')}</h2>
      <p class="status">{t('outboxIntro')}</p>
      <ul class="outbox-list">
        {items.map((item) => {
          const shown = preview(item.text);
          const busy = sending.has(item.id);
          return (
            <li key={item.id} class="outbox-item">
              <p class="outbox-text">{shown}</p>
              <p class="outbox-reason error">{t('outboxReason', item.lastError)}</p>
              <p class="outbox-tried">
                {tCount('outboxTried', item.attempts, formatDateTime(item.firstAttemptAt))}
              </p>
              <div class="outbox-actions">
                <button
                  type="button"
                  class="primary"
                  aria-label={t('outboxRetryLabel', shown)}
                  disabled={busy}
                  onClick={() => onRetry(item)}
                >
                  {busy ? t('outboxSending') : t('outboxRetry')}
                </button>
                <button
                  type="button"
                  aria-label={t('outboxDeleteLabel', shown)}
                  disabled={busy}
                  onClick={() => onDelete(item)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
