import { t } from '@/lib/i18n';

/** What the popup says after a post: nothing, posted (with X's link), or why it waits. */
export type Notice =
  | { kind: 'none' }
  | { kind: 'posted'; url: string; alreadyOnX: boolean }
  | { kind: 'text'; text: string };

/** The popup's status line about the last post, announced politely to screen readers. */
export function PostNotice({ notice }: { notice: Notice }) {
  return (
    <p class="status" role="status">
      {notice.kind === 'posted' ? (
        <>
          {notice.alreadyOnX ? t('postAlreadyOnX') : t('postPosted')}{' '}
          <a href={notice.url} target="_blank" rel="noopener noreferrer">
            {t('postViewOnX')}
          </a>
        </>
      ) : notice.kind === 'text' ? (
        notice.text
      ) : (
        ''
      )}
    </p>
  );
}
