import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Permissions } from '@/lib/store/policy';
import type { XPerson } from '@/lib/x/people';
import { formatUsd, isOwnedRead, PRICE_USD, type ReadingAccount } from '@/lib/x/prices';
import { messageOf, type Send } from './api';
import { PanelComposer } from './PanelComposer';
import { PeopleList } from './PeopleList';
import { ProfileCard } from './ProfileCard';
import { RecentPosts } from './RecentPosts';

type Compose = { text: string; replyToPostId: string | null } | null;

/** Everything a rep does with the associated person: follow, mention, reply, save the photo. */
export function AssociatedPerson({
  send,
  person,
  accountId,
  acting,
  permissions,
}: {
  send: Send;
  person: XPerson;
  accountId: string | null;
  /** The account the reads go out as (the chosen one, else the default), to price them. */
  acting: ReadingAccount | null;
  /** What policy allows; null while unknown. */
  permissions: Permissions | null;
}) {
  const may = {
    post: permissions?.post ?? false,
    follow: permissions?.follow ?? false,
    engage: permissions?.engage ?? false,
  };
  const [following, setFollowing] = useState<boolean | null>(null);
  const [compose, setCompose] = useState<Compose>(null);
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null);
  const [postsVersion, setPostsVersion] = useState(0);

  async function follow(next: boolean) {
    setNotice(null);
    const before = following;
    setFollowing(next);
    try {
      await send('personFollow', { xUserId: person.id, follow: next, accountId });
    } catch (failure) {
      setFollowing(before);
      setNotice({ text: messageOf(failure), isError: true });
    }
  }

  async function savePhoto() {
    setNotice(null);
    try {
      const { filename } = await send('savePhoto', { xUserId: person.id });
      setNotice({ text: t('photoSaved', filename), isError: false });
    } catch (failure) {
      setNotice({ text: messageOf(failure), isError: true });
    }
  }

  return (
    <>
      <ProfileCard person={person} />
      <div class="buttons wrap">
        {!may.follow ? null : following ? (
          <button type="button" onClick={() => follow(false)} title={t('costOf', formatUsd(PRICE_USD.undo))}>
            {t('unfollow')}
          </button>
        ) : (
          <button type="button" onClick={() => follow(true)} title={t('costOf', formatUsd(PRICE_USD.follow))}>
            {t('follow')}
          </button>
        )}
        {may.post && (
          <button
            type="button"
            onClick={() => setCompose({ text: `@${person.handle} `, replyToPostId: null })}
          >
            {t('mention')}
          </button>
        )}
        <button type="button" onClick={savePhoto}>
          {t('savePhoto')}
        </button>
      </div>
      {notice && (
        <p role={notice.isError ? 'alert' : 'status'} class={notice.isError ? 'error' : 'status'}>
          {notice.text}
        </p>
      )}
      {compose && (
        <PanelComposer
          key={`${compose.replyToPostId}:${compose.text}`}
          send={send}
          initialText={compose.text}
          replyToPostId={compose.replyToPostId}
          accountId={accountId}
          onCancel={() => setCompose(null)}
          onPosted={(outcome) => {
            setCompose(null);
            if (outcome.status === 'queued') {
              setNotice({ text: t('postQueued', outcome.reason), isError: true });
              return;
            }
            setNotice({ text: t('posted'), isError: false });
            setPostsVersion((v) => v + 1);
          }}
        />
      )}
      <RecentPosts
        key={postsVersion}
        send={send}
        xUserId={person.id}
        accountId={accountId}
        may={may}
        onReply={(postId, handle) =>
          setCompose({ text: `@${handle ?? person.handle} `, replyToPostId: postId })
        }
      />
      <h2>{t('followersHeading')}</h2>
      <PeopleList
        send={send}
        xUserId={person.id}
        list="followers"
        accountId={accountId}
        ownedRead={isOwnedRead(acting, person.id)}
      />
      <h2>{t('followingHeading')}</h2>
      <PeopleList
        send={send}
        xUserId={person.id}
        list="following"
        accountId={accountId}
        ownedRead={isOwnedRead(acting, person.id)}
      />
    </>
  );
}
