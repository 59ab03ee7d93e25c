// Text processing as X does it on write: every link X would link (with or without a scheme)
// is wrapped in a t.co link, and entities list mentions, hashtags and URLs with start/end
// offsets counted in Unicode code points. Links are found by twitter-text, X's own extractor,
// kept on the top-level domains of IANA's list today (the tlds package).
import { createHash } from 'node:crypto';
import ianaTlds from 'tlds';
import twitterText from 'twitter-text';
import type {
  TweetEntitiesV2,
  TweetEntityHashtagV2,
  TweetEntityMentionV2,
  TweetEntityUrlV2,
} from 'twitter-api-v2';

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

const IANA_TLDS = new Set(ianaTlds.map((name) => name.toLowerCase()));

interface Link {
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
  url: string;
}

/**
 * Where X sees links in `text`: twitter-text's extraction with and without a scheme, less
 * links on top-level domains IANA has retired since twitter-text 3.1.0 was published.
 * Top-level domains delegated after it (.music, .spa…) are not linked here, unlike on X.
 */
export function findLinks(text: string): Link[] {
  return twitterText
    .extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })
    .map(({ url, indices: [start, end] }) => ({ url, start, end }))
    .filter(({ url }) => {
      const host = url.replace(/^https?:\/\//i, '').split(/[/:?#]/)[0] ?? '';
      const tld = (host.split('.').pop() ?? '').toLowerCase();
      return IANA_TLDS.has(tld) || tld.startsWith('xn--');
    });
}

/** What X puts in `expanded_url`: the link as written, with http:// added when it had no scheme. */
export function expandedUrlOf(written: string): string {
  return /^https?:\/\//i.test(written) ? written : `http://${written}`;
}

const isTco = (url: string) => /^https?:\/\/t\.co\//i.test(url);

/** Replace every link by its t.co link; returns the stored text and the expanded URL of each link. */
export function shortenUrls(text: string): { text: string; expanded: Map<string, string> } {
  const expanded = new Map<string, string>();
  let shortened = text;
  for (const link of findLinks(text).reverse()) {
    if (isTco(link.url)) continue;
    const target = expandedUrlOf(link.url);
    const tco = tcoFor(target);
    expanded.set(tco, target);
    shortened = shortened.slice(0, link.start) + tco + shortened.slice(link.end);
  }
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
  for (const link of findLinks(text)) {
    const start = codePointOffset(text, link.start);
    const url = link.url;
    const expanded = lookups.expandedUrl(url) ?? expandedUrlOf(url);
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
  let withoutUrls = normalized;
  for (const link of findLinks(normalized).reverse()) {
    length += 23;
    withoutUrls = withoutUrls.slice(0, link.start) + withoutUrls.slice(link.end);
  }
  for (const char of withoutUrls) {
    const cp = char.codePointAt(0) ?? 0;
    const light =
      cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
    length += light ? 1 : 2;
  }
  return length;
}

export const MAX_WEIGHTED_LENGTH = 280;
