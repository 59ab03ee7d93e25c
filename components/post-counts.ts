import { formatCompactCount, type PluralKey, t, tPlural } from '@/lib/i18n';

/** "1.2K followers", "1 reply": a count X shows shortened, with its noun in the count's plural form. */
export function compactCount(key: PluralKey, count: number): string {
  return tPlural(key, count, [formatCompactCount(count)]);
}

/** A post's "3 replies · 1 repost · 12 likes" line, as X counts them. */
export function postCounts(post: { replies: number; reposts: number; likes: number }): string {
  return t(
    'postCounts',
    compactCount('replyCount', post.replies),
    compactCount('repostCount', post.reposts),
    compactCount('likeCount', post.likes),
  );
}
