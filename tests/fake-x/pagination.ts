// max_results checks and opaque pagination tokens. A token is bound to the listing it came from,
// so handing a followers token to another listing fails like a foreign token does on X.
import type { Pair } from './http-util';
import { invalidRequest } from './problems';

export function maxResults(query: Pair[], min: number, max: number, fallback: number): number {
  const raw = query.find(([key]) => key === 'max_results')?.[1];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw invalidRequest(
      'max_results',
      [raw],
      `The \`max_results\` query parameter value [${raw}] is not between ${min} and ${max}`,
    );
  }
  return value;
}

function encode(listing: string, offset: number): string {
  // base36 digits of the offset after a short listing hash: looks like X's lower-case tokens
  let hash = 0;
  for (const char of listing) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  // X's description wants at least 16 characters for followers/following tokens.
  return `${hash.toString(36).padStart(7, '0')}${offset.toString(36).padStart(7, '0')}zz`;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
  previousToken?: string;
}

/** Slice `items` at the offset a token names; `param` is the query name X uses for this listing. */
export function paginate<T>(
  items: T[],
  query: Pair[],
  param: string,
  listing: string,
  size: number,
): Page<T> {
  const token = query.find(([key]) => key === param)?.[1];
  let offset = 0;
  if (token !== undefined) {
    const match = /^([0-9a-z]{7})([0-9a-z]{7,})zz$/.exec(token);
    const decoded = match ? Number.parseInt(match[2] ?? '', 36) : Number.NaN;
    if (!match || encode(listing, decoded) !== token || decoded >= items.length) {
      throw invalidRequest(param, [token], `The \`${param}\` query parameter value [${token}] is not valid`);
    }
    offset = decoded;
  }
  const page: Page<T> = { items: items.slice(offset, offset + size) };
  if (offset + size < items.length) page.nextToken = encode(listing, offset + size);
  if (offset > 0) page.previousToken = encode(listing, Math.max(0, offset - size));
  return page;
}
