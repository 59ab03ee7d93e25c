/** X's epoch for snowflake ids, in ms since 1970 (X's docs, "X IDs"). */
const TWITTER_EPOCH = 1288834974657n;

/** What recent search reaches back: seven days (X's docs, Search Posts). */
export const SEVEN_DAYS_MS = 7 * 86_400_000;

/**
 * When X made the post with snowflake id `id`, in ms since 1970: the id's bits above the
 * lowest 22 are milliseconds since X's epoch (X's docs, "X IDs").
 * @throws SyntaxError when `id` is not a decimal integer
 */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + TWITTER_EPOCH);
}
