import type { Account } from '../store/schema';
import type { XService } from './service';
import { SEARCH_QUERY_MAX } from './social-query';

/** Where a count (and the read it prices) starts: after a post, or from a time. */
export interface ReadWindow {
  sinceId: string | null;
  /** RFC 3339; recent search and its counts reach back seven days at most. */
  startTime: string | null;
}

interface CountsAnswer {
  meta?: { total_tweet_count?: unknown };
}

/**
 * Whether `account` can ask X for counts: GET /2/tweets/counts/recent takes OAuth 2.0 only, a
 * user's token or the app's bearer (X's OpenAPI description v2.167, getPostsCountsRecent,
 * security OAuth2UserToken or BearerToken); X refuses OAuth 1.0a with 403 Unsupported
 * Authentication.
 */
export function canCount(account: Account): boolean {
  return account.authKind === 'oauth2';
}

/**
 * How many posts recent search would return for `query` in `window`: X's
 * GET /2/tweets/counts/recent, `meta.total_tweet_count` (same query grammar, since_id and
 * seven days as recent search). It returns no post and no user, and X's price list bills only
 * resources returned, so a count costs nothing; it still counts against the 15-minute limit.
 * @param query at most SEARCH_QUERY_MAX characters
 * @returns the number of posts, or null when the account cannot count (OAuth 1.0a) or X's
 *   answer has no total
 * @throws XError as the X service raises it (budget, needs-sign-in, rate limits, refusals)
 */
export async function countRecent(
  service: XService,
  account: Account,
  query: string,
  window: ReadWindow,
): Promise<number | null> {
  if (!canCount(account) || query.length > SEARCH_QUERY_MAX) return null;
  const answer = await service.call(
    account.xUserId,
    'read',
    (client) =>
      client.v2.get<CountsAnswer>('tweets/counts/recent', {
        query,
        granularity: 'day',
        ...(window.sinceId ? { since_id: window.sinceId } : {}),
        ...(window.startTime ? { start_time: window.startTime } : {}),
      }),
    () => [],
  );
  const total = answer.meta?.total_tweet_count;
  return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : null;
}

/**
 * `query` with ` -from:handle` for as many of `handles` as fit in X's query length, and
 * whether all of them did.
 */
export function withoutAuthors(
  query: string,
  handles: readonly string[],
  max = SEARCH_QUERY_MAX,
): { query: string; complete: boolean } {
  let result = query;
  for (const handle of handles) {
    const next = `${result} -from:${handle}`;
    if (next.length > max) return { query: result, complete: false };
    result = next;
  }
  return { query: result, complete: true };
}
