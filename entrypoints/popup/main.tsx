import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Composer, type ComposerDraft } from '@/components/Composer';
import { DraftList, type DraftSummary } from '@/components/DraftList';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messages/client';
import '@/components/theme.css';
import '@/components/composer.css';

/** What the composer shows; `key` changes to start it afresh on another draft. */
interface Open {
  key: number;
  draft: ComposerDraft | null;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function Popup() {
  const [open, setOpen] = useState<Open | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');

  useEffect(() => {
    // The latest draft first, alone, so the composer is ready before the list arrives.
    sendMessage('draftLatest', {})
      .then((latest) => {
        setOpen({ key: 1, draft: latest });
        setCurrentId(latest?.id ?? null);
      })
      .catch((error: unknown) => {
        setOpen({ key: 1, draft: null });
        setFailure(t('draftsLoadFailed', errorText(error)));
      })
      .then(() => sendMessage('draftList', {}))
      .then(setDrafts)
      .catch((error: unknown) => setFailure(t('draftsLoadFailed', errorText(error))));
  }, []);

  const saveDraft = useCallback(async (draft: ComposerDraft) => {
    const saved = await sendMessage('draftSave', draft);
    setCurrentId(saved.id);
    setDrafts((list) => [saved, ...(list ?? []).filter((other) => other.id !== saved.id)]);
    return saved;
  }, []);

  const start = (draft: ComposerDraft | null) => {
    setOpen((previous) => ({ key: (previous?.key ?? 0) + 1, draft }));
    setCurrentId(draft?.id ?? null);
    setNotice('');
  };

  const remove = (draft: DraftSummary) => {
    sendMessage('draftDelete', { id: draft.id }).then(
      () => {
        setDrafts((list) => (list ?? []).filter((other) => other.id !== draft.id));
        // The composer would save it back under the same id: open a new post instead.
        if (draft.id === currentId) start(null);
      },
      (error: unknown) => setFailure(errorText(error)),
    );
  };

  // TODO(2026-05): post through the background once posting is wired; the draft is kept until then.
  const onPost = () => setNotice(t('popupPostingLater'));

  return (
    <>
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        <button type="button" onClick={() => start(null)}>
          {t('composeNew')}
        </button>
      </header>
      {open ? <Composer key={open.key} draft={open.draft} saveDraft={saveDraft} onPost={onPost} /> : null}
      <p class="status" role="status">
        {notice}
      </p>
      {failure ? (
        <p class="status error" role="alert">
          {failure}
        </p>
      ) : null}
      {drafts ? (
        <DraftList
          drafts={drafts}
          currentId={currentId}
          onResume={(draft) => start(draft)}
          onDelete={remove}
        />
      ) : null}
      <footer class="popup-footer">
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openManager')}
        </button>
      </footer>
    </>
  );
}

document.title = t('popupTitle');
render(<Popup />, document.getElementById('app') as HTMLElement);
