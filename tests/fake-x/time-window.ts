// The time window a post listing takes (since_id, until_id, start_time, end_time), as X
// applies it: ids are exclusive bounds, start_time inclusive, end_time exclusive. Recent
// search refuses a since_id or start_time older than its seven days with a 400 rather than
// answering from where it can; a client that last looked a week ago has to drop its since_id.
import type { Pair } from './http-util';
import { invalidRequest } from './problems';
import type { Post } from './state';

const TWITTER_EPOCH = 1288834974657n;
export const SEVEN_DAYS_MS = 7 * 86_400_000;

/** When X made the post with snowflake id `id` (ms since 1970), from the id's high bits. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH);
}

const value = (query: Pair[], name: string) => query.find(([key]) => key === name)?.[1];

/**
 * A test for posts inside the window the query names. `oldestAllowed` (ms), when given, is the
 * earliest time the endpoint can reach (recent search: now minus seven days); a since_id or
 * start_time before it is X's 400 invalid-request.
 */
export function timeWindow(query: Pair[], oldestAllowed?: number): (post: Post) => boolean {
  const sinceId = value(query, 'since_id');
  const untilId = value(query, 'until_id');
  const start = value(query, 'start_time');
  const end = value(query, 'end_time');
  if (oldestAllowed !== undefined) {
    const cutoff = new Date(oldestAllowed).toISOString();
    if (sinceId !== undefined && snowflakeTime(sinceId) < oldestAllowed) {
      throw invalidRequest(
        'since_id',
        [sinceId],
        `Invalid 'since_id':'${sinceId}'. 'since_id' must be a tweet id created after ${cutoff}.`,
      );
    }
    if (start !== undefined && Date.parse(start) < oldestAllowed) {
      throw invalidRequest(
        'start_time',
        [start],
        `Invalid 'start_time':'${start}'. 'start_time' must be on or after ${cutoff}`,
      );
    }
  }
  const since = sinceId === undefined ? undefined : BigInt(sinceId);
  const until = untilId === undefined ? undefined : BigInt(untilId);
  const startMs = start === undefined ? undefined : Date.parse(start);
  const endMs = end === undefined ? undefined : Date.parse(end);
  return (post) => {
    const id = BigInt(post.id);
    if (since !== undefined && id <= since) return false;
    if (until !== undefined && id >= until) return false;
    if (startMs !== undefined && post.createdAt < startMs) return false;
    if (endMs !== undefined && post.createdAt >= endMs) return false;
    return true;
  };
}
