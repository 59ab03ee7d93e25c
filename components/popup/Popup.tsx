import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Composer, type ComposerDraft } from '@/components/Composer';
import { DraftList, type DraftSummary } from '@/components/DraftList';
import { OutboxList } from '@/components/OutboxList';
import { PostSearch } from '@/components/PostSearch';
import { ActingAs } from '@/components/panel/ActingAs';
import type { Send } from '@/components/panel/api';
import { type Notice, PostNotice } from '@/components/popup/PostNotice';
import { t } from '@/lib/i18n';
import type { OutboxView } from '@/lib/messages/outbox-messages';
import type { MessageOutput } from '@/lib/messages/protocol';
import type { AccountSummary } from '@/lib/store/accounts';
import type { Permissions } from '@/lib/store/policy';
import type { PostOutcome } from '@/lib/x/outbox';
import { SocialViewButton } from '../social/SocialViewButton';

/** What the composer is writing: a new post, a draft, or a reply to a post. */
interface Writing extends ComposerDraft {
  replyToPostId: string | null;
  /** Shown as "Replying to @handle" when the reply was started from a search result. */
  replyToHandle?: string;
  accountId?: string | null;
}

/** What the composer shows; `key` changes to start it afresh on another draft. */
interface Open {
  key: number;
  draft: Writing | null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface PopupProps {
  /** How the popup reaches the background: the page passes sendMessage, tests a fake. */
  send: Send;
  /** Opens the integration manager (the options page). */
  openManager: () => void;
  /**
   * The latest draft, asked for by the page before it renders so that the worker reads it
   * while the popup draws itself; without it the popup asks when it mounts.
   */
  latestDraft?: Promise<MessageOutput<'draftLatest'>>;
}

/**
 * The toolbar popup: the composer with its drafts and outbox, and recent post search. Opening
 * it resumes the latest draft and sends what waits in the outbox (the user is here to see it).
 */
export function Popup({ send, openManager, latestDraft }: PopupProps) {
  const mentions = useCallback((prefix: string) => send('mentionCandidates', { prefix }), [send]);
  const [open, setOpen] = useState<Open | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  // The composer saves just before it posts: the id it learnt must be read then, not from a stale render.
  const currentIdNow = useRef<string | null>(null);
  currentIdNow.current = currentId;
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [outbox, setOutbox] = useState<OutboxView[]>([]);
  const [sending, setSending] = useState<ReadonlySet<string>>(new Set());
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [permissions, setPermissions] = useState<Permissions | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const [failure, setFailure] = useState('');

  const reloadLists = useCallback(async () => {
    const [list, waiting] = await Promise.all([send('draftList', {}), send('outboxList', {})]);
    setDrafts(list);
    setOutbox(waiting);
    return waiting;
  }, [send]);

  // A layout effect, not a passive one: those wait for the first frame, and the draft's answer
  // may already be here by then; each frame without it is one where the person cannot type.
  useLayoutEffect(() => {
    (latestDraft ?? send('draftLatest', {})).then(
      (latest) => {
        setOpen({ key: 1, draft: latest });
        setCurrentId(latest?.id ?? null);
      },
      (error: unknown) => {
        setOpen({ key: 1, draft: null });
        setFailure(t('draftsLoadFailed', errorText(error)));
      },
    );
  }, []);

  // The rest once the composer has been painted (a passive effect runs after the frame): their
  // answers would otherwise each draw the popup again before the frame that shows the draft.
  const composerShown = open !== null;
  useEffect(() => {
    if (!composerShown) return;
    reloadLists()
      .then((waiting) => {
        // Opening the popup is a moment the user is here to see the result: send what waits.
        if (waiting.length > 0 && navigator.onLine) void retry(null);
      })
      .catch((error: unknown) => setFailure(t('draftsLoadFailed', errorText(error))));
    send('actingAccounts', {}).then(setAccounts, () => setAccounts([]));
    send('permissions', {}).then(setPermissions, () => setPermissions(null));
  }, [composerShown]);

  const start = (draft: Writing | null, keepNotice = false) => {
    setOpen((previous) => ({ key: (previous?.key ?? 0) + 1, draft }));
    setCurrentId(draft?.id ?? null);
    if (draft?.accountId) setAccountId(draft.accountId);
    if (!keepNotice) setNotice({ kind: 'none' });
    setFailure('');
  };

  const writing = open?.draft ?? null;
  const replyToPostId = writing?.replyToPostId ?? null;

  const saveDraft = useCallback(
    async (draft: ComposerDraft) => {
      const saved = await send('draftSave', { ...draft, replyToPostId, accountId });
      setCurrentId(saved.id);
      currentIdNow.current = saved.id;
      setDrafts((list) => [saved, ...(list ?? []).filter((other) => other.id !== saved.id)]);
      return saved;
    },
    [replyToPostId, accountId],
  );

  const showOutcome = (outcome: PostOutcome) => {
    if (outcome.status === 'posted')
      setNotice({ kind: 'posted', url: outcome.url, alreadyOnX: outcome.alreadyOnX });
    else setNotice({ kind: 'text', text: t('postQueued', outcome.reason) });
  };

  const onPost = async (text: string) => {
    setFailure('');
    setNotice({ kind: 'none' });
    try {
      const outcome = await send('postCreate', {
        text,
        replyToPostId,
        accountId,
        draftId: currentIdNow.current ?? undefined,
      });
      // Posted or in the outbox, the draft is gone: start a new post so it is not saved back.
      start(null, true);
      showOutcome(outcome);
    } catch (error) {
      setFailure(t('postKeptAsDraft', errorText(error)));
    }
    await reloadLists().catch(() => undefined);
  };

  /** Sends one waiting post again, or all of them (null). */
  const retry = async (item: OutboxView | null) => {
    const ids = item ? [item.id] : [];
    setSending((now) => new Set([...now, ...ids]));
    try {
      const results = await send('outboxRetry', item ? { id: item.id } : {});
      const last = results[results.length - 1]?.outcome;
      if (last && last.status !== 'failed') showOutcome(last);
      else if (last) setFailure(last.reason);
    } catch (error) {
      setFailure(t('postKeptAsDraft', errorText(error)));
    } finally {
      setSending((now) => new Set([...now].filter((id) => !ids.includes(id))));
      await reloadLists().catch(() => undefined);
    }
  };

  const removeWaiting = (item: OutboxView) => {
    send('outboxDelete', { id: item.id }).then(
      () => setOutbox((list) => list.filter((other) => other.id !== item.id)),
      (error: unknown) => setFailure(errorText(error)),
    );
  };

  const remove = (draft: DraftSummary) => {
    send('draftDelete', { id: draft.id }).then(
      () => {
        setDrafts((list) => (list ?? []).filter((other) => other.id !== draft.id));
        // The composer would save it back under the same id: open a new post instead.
        if (draft.id === currentId) start(null);
      },
      (error: unknown) => setFailure(errorText(error)),
    );
  };

  const postingAs = (
    <ActingAs accounts={accounts} value={accountId} onChange={setAccountId} label={t('postingAs')} />
  );

  return (
    <>
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        <button type="button" onClick={() => start(null)}>
          {t('composeNew')}
        </button>
        <SocialViewButton onOpened={() => window.close()} />
      </header>
      {replyToPostId ? (
        <p class="replying">
          {writing?.replyToHandle ? t('replyingTo', writing.replyToHandle) : t('replyingToPost')}{' '}
          <button
            type="button"
            class="link-button"
            onClick={() => start(writing ? { ...writing, id: undefined, replyToPostId: null } : null)}
          >
            {t('replyCancel')}
          </button>
        </p>
      ) : null}
      {open ? (
        <Composer
          key={open.key}
          draft={open.draft}
          saveDraft={saveDraft}
          onPost={onPost}
          postingAs={postingAs}
          postBlocked={permissions && !permissions.post ? t('policyForbidden') : undefined}
          mentions={mentions}
        />
      ) : null}
      <PostNotice notice={notice} />
      {failure ? (
        <p class="status error" role="alert">
          {failure}
        </p>
      ) : null}
      <OutboxList
        items={outbox}
        sending={sending}
        onRetry={(item) => void retry(item)}
        onDelete={removeWaiting}
      />
      {drafts ? (
        <DraftList
          drafts={drafts}
          currentId={currentId}
          onResume={(draft) => start({ ...draft, replyToPostId: draft.replyToPostId ?? null })}
          onDelete={remove}
        />
      ) : null}
      <PostSearch
        send={send}
        accountId={accountId}
        // Until the policy is known, offer no write action rather than one that may be refused.
        may={{ post: permissions?.post ?? false, engage: permissions?.engage ?? false }}
        onReply={(post) =>
          start({
            text: post.authorHandle ? `@${post.authorHandle} ` : '',
            replyToPostId: post.id,
            replyToHandle: post.authorHandle,
          })
        }
      />
      <footer class="popup-footer">
        <button type="button" onClick={openManager}>
          {t('openManager')}
        </button>
      </footer>
    </>
  );
}
