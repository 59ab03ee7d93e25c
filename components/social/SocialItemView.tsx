import { useState } from 'preact/hooks';
import { messageOf, type Send } from '@/components/panel/api';
import { PostActions } from '@/components/panel/PostActions';
import { PostBody } from '@/components/panel/PostBody';
import { crmLabel } from '@/lib/crm/crm-label';
import { crmSearchUrl } from '@/lib/crm/search-urls';
import { formatDateTime, t } from '@/lib/i18n';
import type { CrmPlace } from '@/lib/messages/social-messages';
import type { Permissions } from '@/lib/store/policy';
import type { SocialItem } from '@/lib/store/social';
import { formatUsd, PRICE_USD } from '@/lib/x/prices';
import { splitByKeywords } from './keywords';

/** One post in the Social view: who, when, to whom, the post, its CRM record and actions. */
export function SocialItemView({
  item,
  send,
  keywords,
  accountHandle,
  crmPlaces,
  may,
  isNew,
}: {
  item: SocialItem;
  send: Send;
  keywords: readonly string[];
  /** The handle of the signed-in account the post speaks to, for a conversation. */
  accountHandle: string | null;
  crmPlaces: readonly CrmPlace[];
  may: Pick<Permissions, 'post' | 'engage'>;
  isNew: boolean;
}) {
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState(`@${item.authorHandle} `);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const labelId = `item-${item.key}`;

  const mark = (plain: string) =>
    splitByKeywords(plain, keywords).map((piece, index) =>
      piece.keyword ? <mark key={index}>{piece.text}</mark> : piece.text,
    );

  async function sendReply(event: Event) {
    event.preventDefault();
    setError('');
    try {
      const outcome = await send('socialReply', { itemKey: item.key, text });
      setReplying(false);
      setStatus(outcome.status === 'posted' ? t('postPosted') : t('postQueued', outcome.reason));
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  const finders =
    item.record === null
      ? crmPlaces.flatMap((place) => {
          const url = crmSearchUrl(place.crm, place.tenant, item.authorName);
          return url ? [{ url, crm: place.crm, tenant: place.tenant }] : [];
        })
      : [];

  return (
    <article class="social-item" aria-labelledby={labelId}>
      <p class="social-author" id={labelId}>
        <strong>{item.authorName}</strong> @{item.authorHandle}
        {isNew && <span class="social-new"> {t('socialNew')}</span>}
      </p>
      <p class="meta">
        {item.post.createdAt && (
          <time dateTime={item.post.createdAt}>{formatDateTime(item.post.createdAt)}</time>
        )}
        {accountHandle && ` · ${t('socialTo', accountHandle)}`}
      </p>
      <PostBody post={item.post} showAuthor mark={mark} />
      <p class="social-links">
        {item.record?.url ? (
          <a href={item.record.url} target="_blank" rel="noopener noreferrer" class="social-record">
            {t('socialOpenRecord', item.record.name ?? item.authorName, crmLabel(item.record.crm))}
          </a>
        ) : null}
        {item.record === null && (
          <>
            <a href={`https://x.com/${item.authorHandle}`} target="_blank" rel="noopener noreferrer">
              {t('socialProfile', item.authorHandle)}
            </a>
            {finders.map((finder) => (
              <a
                key={`${finder.crm}/${finder.tenant}`}
                href={finder.url}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('socialFindIn', item.authorName, crmLabel(finder.crm))}
              </a>
            ))}
          </>
        )}
      </p>
      <PostActions
        may={may}
        replying={replying}
        onReply={() => setReplying(!replying)}
        repost={(undo) => send('socialRepost', { itemKey: item.key, undo })}
        like={(undo) => send('socialLike', { itemKey: item.key, undo })}
      />
      {replying && (
        <form class="social-reply" onSubmit={sendReply}>
          <label>
            {accountHandle
              ? t('socialReplyAs', item.authorHandle, accountHandle)
              : t('replyingTo', item.authorHandle)}
            <textarea value={text} onInput={(event) => setText(event.currentTarget.value)} rows={3} />
          </label>
          <button type="submit">{t('socialSendReply', formatUsd(PRICE_USD.createPost))}</button>
        </form>
      )}
      {status && (
        <p role="status" class="status">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </article>
  );
}
