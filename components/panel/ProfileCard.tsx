import { formatDate, t } from '@/lib/i18n';
import type { XPerson } from '@/lib/x/people';
import { compactCount } from '../post-counts';
import { safeLink } from './api';
import { PostText } from './PostText';

/** The associated person's X profile. */
export function ProfileCard({ person }: { person: XPerson }) {
  const joined = person.joinedAt ? new Date(person.joinedAt) : null;
  return (
    <article class="profile" aria-labelledby="profile-name">
      <div class="profile-head">
        {person.avatarUrl ? (
          <img class="avatar" src={person.avatarUrl} alt="" width={48} height={48} />
        ) : (
          <span class="avatar" />
        )}
        <div>
          <h2 id="profile-name">
            {person.name}
            {person.protected && (
              <span
                class="protected"
                role="img"
                aria-label={t('protectedAccount')}
                title={t('protectedAccount')}
              >
                🔒
              </span>
            )}
            {person.verified && (
              <span class="verified" role="img" aria-label={t('verified')}>
                ✓
              </span>
            )}
          </h2>
          <p class="handle">@{person.handle}</p>
        </div>
      </div>
      {person.bio && (
        <p class="bio">
          <PostText parts={person.bioParts} />
        </p>
      )}
      <ul class="facts">
        {person.location && <li>{person.location}</li>}
        {safeLink(person.url) && (
          <li>
            <a href={safeLink(person.url)} target="_blank" rel="noopener noreferrer">
              {person.url?.replace(/^https?:\/\//, '')}
            </a>
          </li>
        )}
        {joined && !Number.isNaN(joined.getTime()) && (
          <li>{t('joined', formatDate(joined, { year: 'numeric', month: 'long' }))}</li>
        )}
      </ul>
      <p class="counts">
        <span>{compactCount('countFollowing', person.following)}</span>
        <span>{compactCount('countFollowers', person.followers)}</span>
        <span>{compactCount('countPosts', person.posts)}</span>
      </p>
      <a class="view-on-x" href={`https://x.com/${person.handle}`} target="_blank" rel="noopener noreferrer">
        {t('viewOnX')}
      </a>
    </article>
  );
}
