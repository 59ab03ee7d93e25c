import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { MAX_POST_LENGTH, measurePost } from '@/lib/x/post-length';
import { formatUsd, postPrice } from '@/lib/x/prices';

/** A draft as the composer needs it: no id until it has been saved once. */
export interface ComposerDraft {
  id?: string;
  text: string;
}

export interface ComposerProps {
  /** The draft to continue, or null for a new post. Give the composer a new `key` to switch. */
  draft: ComposerDraft | null;
  /** Keeps the text (the background stores it); answers the draft's id. */
  saveDraft: (draft: ComposerDraft) => Promise<{ id: string }>;
  /** Called with the text once it is valid and saved. */
  onPost: (text: string) => void | Promise<void>;
  /** Who the post will be from (the account picker goes here). */
  postingAs?: ComponentChildren;
  /** How long typing must pause before the draft is saved. */
  saveDelayMs?: number;
}

const RING_RADIUS = 10;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;
/** From here on the ring turns to a warning colour, as X's own composer does. */
const WARN_REMAINING = 20;

/**
 * Writes a post with X's exact count: the characters left and a ring, the part past 280
 * highlighted, the price of posting, and the text saved as a draft while it is typed.
 */
export function Composer({ draft, saveDraft, onPost, postingAs, saveDelayMs = 300 }: ComposerProps) {
  const [text, setText] = useState(draft?.text ?? '');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [posting, setPosting] = useState(false);
  const measured = useMemo(() => measurePost(text), [text]);
  const ids = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  const keeper = useDraftKeeper(draft, saveDraft, setSaveState);
  const latestText = useRef(text);
  latestText.current = text;

  useEffect(() => {
    const timer = setTimeout(() => keeper.save(text), saveDelayMs);
    return () => clearTimeout(timer);
  }, [text, saveDelayMs, keeper]);

  useEffect(() => {
    // A popup closes without warning: keep what was typed the moment it is hidden.
    const saveNow = () => keeper.save(latestText.current);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saveNow();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', saveNow);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', saveNow);
    };
  }, [keeper]);

  const canPost = measured.valid && !posting;
  const post = async () => {
    if (!canPost) return;
    setPosting(true);
    try {
      await keeper.save(text);
      await onPost(text);
    } finally {
      setPosting(false);
    }
  };

  const over = measured.overflowStart;
  const remaining = measured.remaining;
  const ringState = remaining < 0 ? 'over' : remaining <= WARN_REMAINING ? 'warn' : 'ok';
  const filled = Math.min(measured.weightedLength / MAX_POST_LENGTH, 1);
  const hasBadCharacter = /[\uFFFE\uFEFF\uFFFF]/.test(text);
  const price = formatUsd(postPrice(measured.hasUrl));

  return (
    <section class="composer" aria-labelledby={`${ids}-label`}>
      {postingAs ? <div class="composer-as">{postingAs}</div> : null}
      <label id={`${ids}-label`} for={`${ids}-text`} class="composer-label">
        {t('composeLabel')}
      </label>
      <div class="composer-field">
        {/* Mirrors the textarea's text behind it, to paint the part that does not fit. */}
        <div class="composer-backdrop" aria-hidden="true" ref={backdrop}>
          {over === null ? text : text.slice(0, over)}
          {over === null ? null : <mark>{text.slice(over)}</mark>}
          {'\u200b'}
        </div>
        <textarea
          id={`${ids}-text`}
          class="composer-text"
          value={text}
          rows={6}
          maxLength={10_000}
          placeholder={t('composePlaceholder')}
          aria-describedby={`${ids}-count ${ids}-hint ${ids}-cost`}
          aria-invalid={remaining < 0 || hasBadCharacter}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setSaveState({ kind: 'idle' });
          }}
          onScroll={(event) => {
            if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          }}
          onBlur={() => keeper.save(text)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void post();
            }
          }}
        />
      </div>
      <div class="composer-meta">
        <svg
          class={`composer-ring ${ringState}`}
          width="28"
          height="28"
          viewBox="0 0 28 28"
          aria-hidden="true"
        >
          <circle class="composer-ring-track" cx="14" cy="14" r={RING_RADIUS} />
          <circle
            class="composer-ring-fill"
            cx="14"
            cy="14"
            r={RING_RADIUS}
            stroke-dasharray={`${(filled * RING_LENGTH).toFixed(2)} ${RING_LENGTH.toFixed(2)}`}
            transform="rotate(-90 14 14)"
          />
        </svg>
        <span id={`${ids}-count`} class={`composer-count ${ringState}`}>
          {remaining < 0 ? t('composeOver', String(-remaining)) : t('composeRemaining', String(remaining))}
        </span>
        <span id={`${ids}-cost`} class="composer-cost">
          {measured.hasUrl ? t('composeCostWithLink', price) : t('composeCost', price)}
        </span>
      </div>
      <p id={`${ids}-hint`} class="composer-hint" role="status">
        {remaining < 0 ? t('composeOverHint') : hasBadCharacter ? t('composeInvalidCharacter') : ''}
      </p>
      <div class="composer-actions">
        <span class="composer-saved" role="status">
          {saveState.kind === 'saved' ? t('composeSaved') : ''}
        </span>
        {saveState.kind === 'failed' ? (
          <p class="error" role="alert">
            {t('composeSaveFailed', saveState.message)}
          </p>
        ) : null}
        <button
          type="button"
          class="composer-post primary"
          disabled={!canPost}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title={t('composePostShortcut')}
          onClick={() => void post()}
        >
          {t('composePost')}
        </button>
      </div>
    </section>
  );
}

type SaveState = { kind: 'idle' | 'saved' } | { kind: 'failed'; message: string };

/**
 * Saves drafts one after another, so the first save (which creates the draft and learns its
 * id) finishes before the next one: two quick saves never make two drafts. Skips a save when
 * the text is what was saved last, and never creates a draft for an empty text.
 */
function useDraftKeeper(
  draft: ComposerDraft | null,
  saveDraft: ComposerProps['saveDraft'],
  setSaveState: (state: SaveState) => void,
) {
  const state = useRef({ id: draft?.id, saved: draft?.text ?? '', queue: Promise.resolve() });
  const props = useRef({ saveDraft, setSaveState });
  props.current = { saveDraft, setSaveState };
  return useMemo(
    () => ({
      save(text: string): Promise<void> {
        const current = state.current;
        current.queue = current.queue.then(async () => {
          if (text === current.saved || (!current.id && text.trim() === '')) return;
          try {
            const saved = await props.current.saveDraft({ id: current.id, text });
            current.id = saved.id;
            current.saved = text;
            props.current.setSaveState({ kind: 'saved' });
          } catch (error) {
            props.current.setSaveState({
              kind: 'failed',
              message: error instanceof Error ? error.message : String(error),
            });
          }
        });
        return current.queue;
      },
    }),
    [],
  );
}
