/**
 * The longest query recent search takes at this access level: 512 characters (X's docs,
 * Search Posts, "Build a query": 512 for self-serve access, 4,096 for Pro and Enterprise; the
 * OpenAPI description only states the 4,096 ceiling).
 */
export const SEARCH_QUERY_MAX = 512;

/** Left out of every news query: a repost repeats a post, yet is billed as one more post read. */
const QUERY_TAIL = ' -is:retweet';

/** A recent-search query over some people, and the people it covers. */
export interface NewsBatch {
  query: string;
  handles: string[];
  /** The newest post already read from these people (the same for all of them), or null. */
  sinceId: string | null;
}

/**
 * Groups handles into `(from:a OR from:b …) -is:retweet` queries of at most `max` characters.
 * Only handles read up to the same post share a query, so its since_id skips nothing for any
 * of them and reads nothing again for any of them.
 * @param people handle (X's `^[A-Za-z0-9_]{1,15}$`) and the since_id its last read reached
 * @param ownHandles the signed-in accounts whose mentions the same refresh reads: posts naming
 *   or answering them are left out (` -@h -to:h`), as the mentions read has them already
 * @throws Error when a handle is not an X handle: it would change the query's meaning
 */
export function newsBatches(
  people: readonly { handle: string; sinceId: string | null }[],
  max = SEARCH_QUERY_MAX,
  ownHandles: readonly string[] = [],
): NewsBatch[] {
  for (const handle of ownHandles) {
    if (!/^[A-Za-z0-9_]{1,15}$/.test(handle)) throw new Error(`Not an X handle: ${handle}`);
  }
  const tail = QUERY_TAIL + ownHandles.map((handle) => ` -@${handle} -to:${handle}`).join('');
  const bySince = new Map<string | null, string[]>();
  for (const { handle, sinceId } of people) {
    if (!/^[A-Za-z0-9_]{1,15}$/.test(handle)) throw new Error(`Not an X handle: ${handle}`);
    const group = bySince.get(sinceId) ?? [];
    if (!group.some((known) => known.toLowerCase() === handle.toLowerCase())) group.push(handle);
    bySince.set(sinceId, group);
  }
  const batches: NewsBatch[] = [];
  for (const [sinceId, handles] of bySince) {
    let current: string[] = [];
    const flush = () => {
      if (current.length) batches.push({ query: queryOf(current, tail), handles: current, sinceId });
      current = [];
    };
    for (const handle of [...handles].sort()) {
      if (current.length && queryOf([...current, handle], tail).length > max) flush();
      current.push(handle);
    }
    flush();
  }
  return batches;
}

function queryOf(handles: readonly string[], tail: string): string {
  const terms = handles.map((handle) => `from:${handle}`).join(' OR ');
  return handles.length > 1 ? `(${terms})${tail}` : `${terms}${tail}`;
}
