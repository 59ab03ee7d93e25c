import { useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { PostOutcome } from '@/lib/x/outbox';
import { Composer } from '../Composer';
import type { Send } from './api';

/**
 * The composer inside the panel, for a reply, a mention or a new post. What is typed is a
 * draft like any other, so it survives a closed panel and shows in the popup's drafts.
 */
export function PanelComposer({
  send,
  initialText,
  replyToPostId,
  accountId,
  onPosted,
  onCancel,
}: {
  send: Send;
  initialText: string;
  replyToPostId: string | null;
  accountId: string | null;
  onPosted: (outcome: PostOutcome) => void;
  onCancel: () => void;
}) {
  const draftId = useRef<string | undefined>(undefined);
  return (
    <section class="panel-composer" aria-label={replyToPostId ? t('replyHeading') : t('composeHeading')}>
      <Composer
        draft={{ text: initialText }}
        saveDraft={async (draft) => {
          const saved = await send('draftSave', { ...draft, replyToPostId, accountId });
          draftId.current = saved.id;
          return saved;
        }}
        onPost={async (text) => {
          // With the draft's id the background removes it when posted, or moves it to the
          // outbox when X could not be reached: nothing typed is lost either way.
          onPosted(await send('postCreate', { text, replyToPostId, accountId, draftId: draftId.current }));
        }}
      />
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </section>
  );
}
