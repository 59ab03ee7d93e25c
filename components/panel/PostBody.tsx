import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import './post-body.css';
import type { XPost } from '@/lib/x/post-view';
import { PostText } from './PostText';

/**
 * What a post says: for a repost, "Reposted by …" and the original with its author; the text
 * whole, from X's entities; a quoted post beneath; and what X said about anything it left out.
 */
export function PostBody({
  post,
  showAuthor,
  mark,
}: {
  post: XPost;
  showAuthor: boolean;
  /** Renders plain text, e.g. with words highlighted. */
  mark?: ((text: string) => ComponentChildren) | undefined;
}) {
  return (
    <>
      {post.repostedBy && (
        <p class="reposted-by">{t('repostedBy', `${post.repostedBy.name} @${post.repostedBy.handle}`)}</p>
      )}
      {post.repostedBy && showAuthor && post.author && (
        <p class="post-author">
          {post.author.name} @{post.author.handle}
        </p>
      )}
      <p class="post-text">
        <PostText parts={post.parts} mark={mark} />
      </p>
      {post.quoted && (
        <blockquote class="quoted-post" aria-label={t('quotedPost')}>
          {post.quoted.author && (
            <p class="post-author">
              {post.quoted.author.name} @{post.quoted.author.handle}
            </p>
          )}
          <p class="post-text">
            <PostText parts={post.quoted.parts} mark={mark} />
          </p>
        </blockquote>
      )}
      {post.notice && <p class="status post-notice">{post.notice}</p>}
    </>
  );
}
