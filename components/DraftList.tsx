import { useRef } from 'preact/hooks';
import { formatDateTime, t } from '@/lib/i18n';

/** A saved draft as the list shows it. */
export interface DraftSummary {
  id: string;
  text: string;
  updatedAt: number;
  replyToPostId?: string | null;
  accountId?: string | null;
  /** X's reason for refusing it, while the text is unchanged. */
  problem?: string | null;
}

export interface DraftListProps {
  drafts: readonly DraftSummary[];
  /** The draft open in the composer, marked as current. */
  currentId: string | null;
  onResume: (draft: DraftSummary) => void;
  onDelete: (draft: DraftSummary) => void;
}

const PREVIEW_LENGTH = 80;

/** The first words of a draft, on one line. */
function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return t('draftEmptyText');
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH)}…` : line;
}

/**
 * The saved drafts, newest first: each can be continued or deleted with the mouse or the
 * keyboard (Tab to it, Enter to continue; the Delete key on a draft also deletes it).
 */
export function DraftList({ drafts, currentId, onResume, onDelete }: DraftListProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const remove = (draft: DraftSummary, index: number) => {
    onDelete(draft);
    // Keep the keyboard in the list: move to the draft that takes its place, or the heading.
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.draft-resume');
      const next = buttons?.[Math.min(index, buttons.length - 1)];
      (next ?? heading.current)?.focus();
    });
  };

  return (
    <section class="drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading" ref={heading} tabIndex={-1}>
        {t('draftsTitle')}
      </h2>
      {drafts.length === 0 ? (
        <p class="status">{t('draftsEmpty')}</p>
      ) : (
        <ul ref={list} class="draft-list">
          {drafts.map((draft, index) => {
            const shown = preview(draft.text);
            return (
              <li key={draft.id} class="draft">
                <div class="draft-body">
                  {/* Only the text is in the button: its name then holds all it shows (WCAG 2.5.3). */}
                  <button
                    type="button"
                    class="draft-resume"
                    aria-label={t('draftResume', shown)}
                    aria-current={draft.id === currentId ? 'true' : undefined}
                    onClick={() => onResume(draft)}
                    onKeyDown={(event) => {
                      if (event.key === 'Delete') {
                        event.preventDefault();
                        remove(draft, index);
                      }
                    }}
                  >
                    <span class="draft-text">{shown}</span>
                  </button>
                  <span class="draft-time">{t('draftEditedAt', formatDateTime(draft.updatedAt))}</span>
                  {draft.problem ? (
                    <span class="draft-problem error">{t('draftRefused', draft.problem)}</span>
                  ) : null}
                </div>
                <button
                  type="button"
                  class="draft-delete"
                  aria-label={t('draftDelete', shown)}
                  title={t('draftDelete', shown)}
                  onClick={() => remove(draft, index)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
