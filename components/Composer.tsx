import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { t, tCount } from '@/lib/i18n';
import type { MentionCandidate } from '@/lib/store/crm-people';
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
  /** Why posting is not allowed (the organisation's policy); the text is still kept as a draft. */
  postBlocked?: string;
  /** How long typing must pause before the draft is saved. */
  saveDelayMs?: number;
  /** People to offer after "@" and a few letters (from the CRM, not X); no completion without it. */
  mentions?: (prefix: string) => Promise<MentionCandidate[]>;
}

/** "@" and the letters typed after it, right before the caret, where a mention is being written. */
const MENTION_BEFORE_CARET = /(?:^|[^\p{L}\p{N}_@])@([\p{L}\p{N}_]{1,30})$/u;

interface MentionState {
  /** Where the "@" is in the text. */
  start: number;
  /** Where the typed letters end (the caret when they were read). */
  end: number;
  options: MentionCandidate[];
  active: number;
}

const RING_RADIUS = 10;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;
/** From here on the ring turns to a warning colour, as X's own composer does. */
const WARN_REMAINING = 20;

/**
 * Writes a post with X's exact count: the characters left and a ring, the part past 280
 * highlighted, the price of posting, and the text saved as a draft while it is typed.
 */
export function Composer({
  draft,
  saveDraft,
  onPost,
  postingAs,
  postBlocked,
  saveDelayMs = 300,
  mentions,
}: ComposerProps) {
  const [text, setText] = useState(draft?.text ?? '');
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [posting, setPosting] = useState(false);
  const measured = useMemo(() => measurePost(text), [text]);
  const ids = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  const keeper = useDraftKeeper(draft, saveDraft, setSaveState);
  const latestText = useRef(text);
  latestText.current = text;
  const field = useRef<HTMLTextAreaElement>(null);
  const [mention, setMention] = useState<MentionState | null>(null);
  const mentionAsked = useRef(0);

  /** Offers people for the "@name" before the caret, if any; answers that come late are dropped. */
  const lookForMention = (value: string, caret: number) => {
    const typed = mentions ? MENTION_BEFORE_CARET.exec(value.slice(0, caret)) : null;
    const asked = ++mentionAsked.current;
    if (!typed?.[1] || !mentions) return setMention(null);
    const prefix = typed[1];
    mentions(prefix).then(
      (options) => {
        if (asked !== mentionAsked.current) return;
        setMention(
          options.length ? { start: caret - prefix.length - 1, end: caret, options, active: 0 } : null,
        );
      },
      () => asked === mentionAsked.current && setMention(null),
    );
  };

  const insertMention = (person: MentionCandidate) => {
    if (!mention) return;
    const inserted = `@${person.handle} `;
    const next = text.slice(0, mention.start) + inserted + text.slice(mention.end);
    const caret = mention.start + inserted.length;
    mentionAsked.current++;
    setMention(null);
    setText(next);
    setSaveState({ kind: 'idle' });
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(caret, caret);
    });
  };

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

  const canPost = measured.valid && !posting && !postBlocked;
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
          ref={field}
          id={`${ids}-text`}
          class="composer-text"
          value={text}
          rows={6}
          maxLength={10_000}
          placeholder={t('composePlaceholder')}
          aria-describedby={`${ids}-count ${ids}-hint ${ids}-cost`}
          aria-invalid={remaining < 0 || hasBadCharacter}
          // The text box and its suggestions follow ARIA's list autocomplete: focus stays here.
          aria-autocomplete={mentions ? 'list' : undefined}
          aria-controls={mention ? `${ids}-mentions` : undefined}
          aria-activedescendant={mention ? `${ids}-mention-${mention.active}` : undefined}
          onInput={(event) => {
            const box = event.currentTarget;
            setText(box.value);
            setSaveState({ kind: 'idle' });
            lookForMention(box.value, box.selectionStart);
          }}
          onScroll={(event) => {
            if (backdrop.current) backdrop.current.scrollTop = event.currentTarget.scrollTop;
          }}
          onBlur={() => {
            keeper.save(text);
            setMention(null);
          }}
          onKeyDown={(event) => {
            if (mention && !event.ctrlKey && !event.metaKey && !event.altKey) {
              const count = mention.options.length;
              const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
              if (move) {
                event.preventDefault();
                setMention({ ...mention, active: (mention.active + move + count) % count });
                return;
              }
              const chosen = mention.options[mention.active];
              if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && chosen) {
                event.preventDefault();
                insertMention(chosen);
                return;
              }
              if (event.key === 'Escape') {
                // Closes the suggestions only, not the popup around them.
                event.preventDefault();
                event.stopPropagation();
                mentionAsked.current++;
                setMention(null);
                return;
              }
            }
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void post();
            }
          }}
        />
        {mention ? (
          <div
            id={`${ids}-mentions`}
            class="composer-mentions"
            role="listbox"
            aria-label={t('mentionListLabel')}
          >
            {mention.options.map((person, index) => (
              <div
                key={person.xUserId}
                id={`${ids}-mention-${index}`}
                role="option"
                // Never focused itself: the text box keeps the focus and points here (aria-activedescendant).
                tabIndex={-1}
                aria-selected={index === mention.active}
                // On press rather than click, so the text box does not lose the focus first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  insertMention(person);
                }}
              >
                <span class="mention-name">{person.name ?? `@${person.handle}`}</span>
                {person.company ? <span class="mention-company">{person.company}</span> : null}
                <span class="mention-handle">@{person.handle}</span>
              </div>
            ))}
          </div>
        ) : null}
      </div>
      <p class="visually-hidden" role="status">
        {mention ? tCount('mentionCount', mention.options.length) : ''}
      </p>
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
          {remaining < 0 ? tCount('composeOver', -remaining) : tCount('composeRemaining', remaining)}
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
        {postBlocked ? (
          <p class="status" id={`${ids}-blocked`}>
            {postBlocked}
          </p>
        ) : null}
        <button
          type="button"
          class="composer-post primary"
          disabled={!canPost}
          aria-describedby={postBlocked ? `${ids}-blocked` : undefined}
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
