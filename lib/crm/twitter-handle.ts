/** What a CRM's Twitter field holds, once read: nothing, one X handle, or text we will not guess at. */
export type TwitterField =
  | { kind: 'empty' }
  | { kind: 'handle'; handle: string }
  | { kind: 'invalid'; raw: string };

/** X's own rule for usernames: 1 to 15 letters, digits or underscores. */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/** True when the text is a syntactically valid X handle (without the @). */
export function isValidHandle(handle: string): boolean {
  return HANDLE.test(handle);
}

/**
 * First path segments on x.com that are pages of X itself, not profiles. A link such as
 * x.com/home in a CRM field says nothing about the person, so it must not become a handle.
 */
const RESERVED_PATHS = new Set([
  'about',
  'account',
  'compose',
  'download',
  'explore',
  'hashtag',
  'home',
  'i',
  'intent',
  'jobs',
  'login',
  'logout',
  'messages',
  'notifications',
  'privacy',
  'search',
  'settings',
  'share',
  'signup',
  'tos',
]);

/** x.com and twitter.com, bare or under www. or mobile., with or without a scheme. */
const PROFILE_URL = /^(?:https?:\/\/)?(?:(?:www|mobile)\.)?(?:twitter|x)\.com(\/[^?#\s]*)?([?#]\S*)?$/i;

/** Old twitter.com links kept the profile in a hashbang fragment: twitter.com/#!/jack. */
const HASHBANG = /^#!\/([^/?#\s]+)\/?(?:[/?#]\S*)?$/;

/**
 * Parses the raw value of a CRM's Twitter field. Accepts "@jack", "jack" and profile URLs
 * (any extra path, query or fragment ignored: x.com/jack/status/1 is jack); everything else is
 * invalid and kept as typed, because a wrong guess would link a record to a stranger.
 */
export function parseTwitterField(raw: string): TwitterField {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const bare = text.startsWith('@') ? text.slice(1) : text;
  if (isValidHandle(bare)) return { kind: 'handle', handle: bare };
  const url = PROFILE_URL.exec(text);
  if (url) {
    const segment = profileSegment(url[1] ?? '', url[2] ?? '');
    if (segment && isValidHandle(segment) && !RESERVED_PATHS.has(segment.toLowerCase())) {
      return { kind: 'handle', handle: segment };
    }
  }
  return { kind: 'invalid', raw: text };
}

/** The path segment that names the profile, or undefined when the URL names none. */
function profileSegment(path: string, rest: string): string | undefined {
  const first = path.split('/')[1];
  if (first) return first;
  // Only a bare host may carry the old hashbang form; x.com/jack#!/other names jack.
  return HASHBANG.exec(rest)?.[1];
}
