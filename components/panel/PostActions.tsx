import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { formatUsd, PRICE_USD } from '@/lib/x/prices';
import { messageOf, type Send } from './api';

/** The post actions an organisation's policy allows. */
export interface PostPermissions {
  post: boolean;
  engage: boolean;
}

/** Acts on X for one post; `undo` takes the act back. Rejects with X's reason. */
export type PostAct = (undo: boolean) => Promise<unknown>;

/**
 * Reply, Repost and Like on one post, each with its price in its title. Repost and Like show
 * their change at once (aria-pressed) and roll it back, with X's reason, if X refuses it.
 * The acts come from the caller, so each view sends them through its own messages.
 */
export function PostActions({
  may,
  onReply,
  replying,
  repost,
  like,
}: {
  /** What policy allows; a forbidden action is not offered at all. */
  may: PostPermissions;
  onReply: () => void;
  /** Whether the reply form this button opens is open; absent when it opens elsewhere. */
  replying?: boolean;
  repost: PostAct;
  like: PostAct;
}) {
  const [liked, setLiked] = useState(false);
  const [reposted, setReposted] = useState(false);
  const [error, setError] = useState('');

  async function toggle(current: boolean, set: (value: boolean) => void, act: PostAct) {
    setError('');
    set(!current);
    try {
      await act(current);
    } catch (failure) {
      set(current);
      setError(messageOf(failure));
    }
  }

  return (
    <div class="post-actions">
      {may.post && (
        <button
          type="button"
          onClick={onReply}
          aria-expanded={replying}
          title={t('costOf', formatUsd(PRICE_USD.createPost))}
        >
          {t('reply')}
        </button>
      )}
      {may.engage && (
        <>
          <button
            type="button"
            aria-pressed={reposted}
            title={t('costOf', formatUsd(reposted ? PRICE_USD.undo : PRICE_USD.repost))}
            onClick={() => toggle(reposted, setReposted, repost)}
          >
            {reposted ? t('undoRepost') : t('repost')}
          </button>
          <button
            type="button"
            aria-pressed={liked}
            title={t('costOf', formatUsd(liked ? PRICE_USD.undo : PRICE_USD.like))}
            onClick={() => toggle(liked, setLiked, like)}
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

/** The acts of a post read in the panel or the popup: X's post id, as the chosen account. */
export function postActs(
  send: Send,
  postId: string,
  accountId: string | null,
): { repost: PostAct; like: PostAct } {
  return {
    repost: (undo) => send('postRepost', { postId, undo, accountId }),
    like: (undo) => send('postLike', { postId, undo, accountId }),
  };
}
