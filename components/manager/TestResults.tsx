import { formatDateTime, t, tCount } from '@/lib/i18n';
import type { MessageOutput } from '@/lib/messages/protocol';

export type TestState =
  | { kind: 'running'; handle: string }
  | ({ kind: 'done'; handle: string } & MessageOutput<'accountTest'>)
  | { kind: 'failed'; handle: string; message: string };

/** What "Test" found: the account's recent posts, searched as that account. */
export function TestResults({ test, onClose }: { test: TestState; onClose: () => void }) {
  const handle = `@${test.handle}`;
  return (
    <div class="test-results">
      <h3 id="test-heading">{t('accountTestHeading', handle)}</h3>
      <div aria-live="polite">
        {test.kind === 'running' && <p class="status">{t('accountTestRunning', handle)}</p>}
        {test.kind === 'failed' && (
          <p role="alert" class="error">
            {t('accountTestFailed', handle, test.message)}
          </p>
        )}
        {test.kind === 'done' && (
          <>
            <p class="status">
              {test.posts.length === 0
                ? t('accountTestNoPosts', test.query)
                : tCount('accountTestFound', test.posts.length, test.query)}
            </p>
            <ol class="posts">
              {test.posts.map((post) => (
                <li key={post.id}>
                  <p class="post-text">{post.text}</p>
                  <p class="status">
                    @{post.authorHandle}
                    {post.createdAt && ` · ${formatDateTime(post.createdAt)}`}
                    {` · ${t(
                      'postMetrics',
                      tCount('replyCount', post.replies),
                      tCount('repostCount', post.reposts),
                      tCount('likeCount', post.likes),
                    )}`}
                  </p>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </div>
  );
}
