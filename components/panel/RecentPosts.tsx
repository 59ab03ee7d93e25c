import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, t } from '@/lib/i18n';
import type { XPost } from '@/lib/x/service';
import { postCounts } from '../post-counts';
import { messageOf, type Send } from './api';
import { PostActions, postActs } from './PostActions';
import { PostBody } from './PostBody';

/** The associated person's recent posts. */
export function RecentPosts({
  send,
  xUserId,
  accountId,
  may,
  onReply,
}: {
  send: Send;
  xUserId: string;
  accountId: string | null;
  may: { post: boolean; engage: boolean };
  /** `handle`: the original's author when the post is a repost. */
  onReply: (postId: string, handle: string | null) => void;
}) {
  const [posts, setPosts] = useState<XPost[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setPosts(null);
    send('personPosts', { xUserId, accountId }).then(setPosts, (failure: unknown) =>
      setError(messageOf(failure)),
    );
  }, [send, xUserId, accountId]);

  return (
    <section aria-labelledby="posts-heading">
      <h2 id="posts-heading">{t('recentPosts')}</h2>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!posts && !error && (
        <p role="status" class="status">
          {t('loadingPosts')}
        </p>
      )}
      {posts?.length === 0 && <p class="status">{t('noPosts')}</p>}
      {posts && posts.length > 0 && (
        <ol class="posts">
          {posts.map((post) => (
            <li key={post.id}>
              <PostBody post={post} showAuthor />
              <p class="meta">
                {post.createdAt && <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>}
                {' · '}
                {postCounts(post)}
              </p>
              <PostActions
                may={may}
                onReply={() => onReply(post.id, post.repostedBy ? (post.author?.handle ?? null) : null)}
                {...postActs(send, post.id, accountId)}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
