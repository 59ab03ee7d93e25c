// Text processing as X does it on write: URLs are wrapped in t.co links, and entities list
// mentions, hashtags and URLs with start/end offsets counted in Unicode code points.
import { createHash } from 'node:crypto';
import type {
  TweetEntitiesV2,
  TweetEntityHashtagV2,
  TweetEntityMentionV2,
  TweetEntityUrlV2,
} from 'twitter-api-v2';

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)'\]]/gu;
const MENTION_PATTERN = /(?<![\p{L}\p{N}_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/gu;
const HASHTAG_PATTERN = /(?<![\p{L}\p{N}_&#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const TCO_PREFIX = 'https://t.co/';

/** Deterministic t.co link for a URL: same URL, same link, 23 characters like the real ones. */
export function tcoFor(url: string): string {
  const digest = createHash('sha256')
    .update(url)
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '');
  return TCO_PREFIX + digest.slice(0, 10);
}

export function displayUrl(url: string): string {
  const bare = url.replace(/^https?:\/\//, '').replace(/^www\./, '');
  return bare.length > 26 ? `${bare.slice(0, 26)}…` : bare;
}

/** Replace every URL by its t.co link; returns the stored text and the original URL of each link. */
export function shortenUrls(text: string): { text: string; expanded: Map<string, string> } {
  const expanded = new Map<string, string>();
  const shortened = text.replace(URL_PATTERN, (url) => {
    if (url.startsWith(TCO_PREFIX)) return url;
    const tco = tcoFor(url);
    expanded.set(tco, url);
    return tco;
  });
  return { text: shortened, expanded };
}

/** Code-point offset of a UTF-16 index: X counts entity offsets in code points. */
function codePointOffset(text: string, utf16Index: number): number {
  return Array.from(text.slice(0, utf16Index)).length;
}

export interface EntityLookups {
  /** user id by lower-cased username; mentions of unknown handles get no entity, as on X */
  userIdByUsername(username: string): string | undefined;
  /** original URL of a t.co link */
  expandedUrl(tco: string): string | undefined;
}

export type ComputedEntities = Partial<Pick<TweetEntitiesV2, 'urls' | 'hashtags' | 'mentions'>>;

export function computeEntities(text: string, lookups: EntityLookups): ComputedEntities {
  const urls: TweetEntityUrlV2[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = codePointOffset(text, match.index);
    const url = match[0];
    const expanded = lookups.expandedUrl(url) ?? url;
    urls.push({
      start,
      end: start + Array.from(url).length,
      url,
      expanded_url: expanded,
      display_url: displayUrl(expanded),
      unwound_url: expanded,
    });
  }
  const mentions: TweetEntityMentionV2[] = [];
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const username = match[1] ?? '';
    const id = lookups.userIdByUsername(username.toLowerCase());
    if (!id) continue;
    const start = codePointOffset(text, match.index);
    mentions.push({ start, end: start + 1 + username.length, username, id });
  }
  const hashtags: TweetEntityHashtagV2[] = [];
  for (const match of text.matchAll(HASHTAG_PATTERN)) {
    const tag = match[1] ?? '';
    const start = codePointOffset(text, match.index);
    hashtags.push({ start, end: start + 1 + Array.from(tag).length, tag });
  }
  const entities: ComputedEntities = {};
  if (urls.length) entities.urls = urls;
  if (mentions.length) entities.mentions = mentions;
  if (hashtags.length) entities.hashtags = hashtags;
  return entities;
}

/**
 * X's weighted length (twitter-text v3 config): URLs weigh 23, code points in the listed
 * Latin-ish ranges weigh 1, everything else 2. Emoji ZWJ sequences are not collapsed here,
 * so they count a little heavier than on X; tests should not sit on that boundary.
 */
export function weightedLength(text: string): number {
  const normalized = text.normalize('NFC');
  let length = 0;
  const withoutUrls = normalized.replace(URL_PATTERN, () => {
    length += 23;
    return '';
  });
  for (const char of withoutUrls) {
    const cp = char.codePointAt(0) ?? 0;
    const light =
      cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    length += light ? 1 : 2;
  }
  return length;
}

export const MAX_WEIGHTED_LENGTH = 280;
