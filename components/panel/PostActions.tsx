import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatUsd, PRICE_USD } from '@/lib/x/prices';
import { messageOf, type Send } from './api';

/** The post actions an organisation's policy allows. */
export interface PostPermissions {
  post: boolean;
  engage: boolean;
}

/**
 * Reply, Repost and Like on one post. A change shows at once and is rolled back, with
 * X's reason, if X refuses it.
 */
export function PostActions({
  send,
  postId,
  accountId,
  may,
  onReply,
}: {
  send: Send;
  postId: string;
  accountId: string | null;
  /** What policy allows; a forbidden action is not offered at all. */
  may: PostPermissions;
  onReply: () => void;
}) {
  const [liked, setLiked] = useState(false);
  const [reposted, setReposted] = useState(false);
  const [error, setError] = useState('');

  async function toggle(current: boolean, set: (value: boolean) => void, act: () => Promise<unknown>) {
    setError('');
    set(!current);
    try {
      await act();
    } catch (failure) {
      set(current);
      setError(messageOf(failure));
    }
  }

  return (
    <div class="post-actions">
      {may.post && (
        <button type="button" onClick={onReply} title={t('costOf', formatUsd(PRICE_USD.createPost))}>
          {t('reply')}
        </button>
      )}
      {may.engage && (
        <>
          <button
            type="button"
            aria-pressed={reposted}
            title={t('costOf', formatUsd(reposted ? PRICE_USD.undo : PRICE_USD.repost))}
            onClick={() =>
              toggle(reposted, setReposted, () => send('postRepost', { postId, undo: reposted, accountId }))
            }
          >
            {reposted ? t('undoRepost') : t('repost')}
          </button>
          <button
            type="button"
            aria-pressed={liked}
            title={t('costOf', formatUsd(liked ? PRICE_USD.undo : PRICE_USD.like))}
            onClick={() =>
              toggle(liked, setLiked, () => send('postLike', { postId, undo: liked, accountId }))
            }
          >
            {liked ? t('unlike') : t('like')}
          </button>
        </>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
