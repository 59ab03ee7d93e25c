import ianaTlds from 'tlds';

/**
 * A post's length as X counts it (twitter-text configuration v3), so the composer can say
 * exactly how much is left and where the text stops fitting, before anything is sent.
 *
 * The rules, from shared/research/x-api.md: the text is NFC-normalised; every URL counts 23;
 * an emoji sequence counts 2 whatever it is made of; other code points weigh 1 in a few
 * ranges (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic… and some punctuation) and 2
 * elsewhere (CJK, kana, Hangul, astral characters). Weights are kept in hundredths, like
 * X's own configuration, so the sums stay integers.
 */

/** The most a post may weigh, in characters. */
export const MAX_POST_LENGTH = 280;
/** What any URL counts, however long: X shortens each one to a t.co link of this length. */
export const URL_LENGTH = 23;
/** Weights are expressed in hundredths of a character. */
export const WEIGHT_SCALE = 100;
/** A code point outside the light ranges below, and any whole emoji sequence. */
export const DEFAULT_WEIGHT = 200;
/** Code point ranges (inclusive) that weigh one character each. */
export const LIGHT_RANGES: readonly (readonly [number, number])[] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const LIGHT_WEIGHT = 100;

/** What the composer needs to know about the text it shows. */
export interface PostLength {
  /** The length X will count, in characters. */
  weightedLength: number;
  /** Characters left before the limit; negative past it. */
  remaining: number;
  /** Whether X would accept the text: not blank, within the limit, no forbidden characters. */
  valid: boolean;
  /** UTF-16 index in the text as typed where it stops fitting, to highlight the rest; null when it fits. */
  overflowStart: number | null;
  /** Whether X will see a link in it (which changes what posting costs). */
  hasUrl: boolean;
}

/** Measures `text` the way X does when the post is created. */
export function measurePost(text: string): PostLength {
  const normalized = text.normalize('NFC');
  const urls = findUrls(normalized);
  const max = MAX_POST_LENGTH * WEIGHT_SCALE;
  let weight = 0;
  let overflowAt: number | null = null;
  let urlIndex = 0;
  let index = 0;
  while (index < normalized.length) {
    const start = index;
    const url = urls[urlIndex];
    if (url && url.start === index) {
      weight += URL_LENGTH * WEIGHT_SCALE;
      index = url.end;
      urlIndex++;
    } else {
      EMOJI.lastIndex = index;
      const emoji = EMOJI.exec(normalized);
      if (emoji) {
        weight += DEFAULT_WEIGHT;
        index += emoji[0].length;
      } else {
        const codePoint = normalized.codePointAt(index) ?? 0;
        weight += weightOf(codePoint);
        index += codePoint > 0xffff ? 2 : 1;
      }
    }
    if (overflowAt === null && weight > max) overflowAt = start;
  }
  const weightedLength = weight / WEIGHT_SCALE;
  return {
    weightedLength,
    remaining: MAX_POST_LENGTH - weightedLength,
    valid:
      weightedLength > 0 &&
      weightedLength <= MAX_POST_LENGTH &&
      !INVALID_CHARACTER.test(normalized) &&
      // X refuses a post with nothing but spaces in it, though twitter-text would count it.
      normalized.trim() !== '',
    overflowStart: overflowAt === null ? null : originalIndex(text, normalized, overflowAt),
    hasUrl: urls.length > 0,
  };
}

function weightOf(codePoint: number): number {
  for (const [low, high] of LIGHT_RANGES) {
    if (codePoint >= low && codePoint <= high) return LIGHT_WEIGHT;
  }
  return DEFAULT_WEIGHT;
}

/** Characters X refuses anywhere in a post (noncharacters and the byte-order mark). */
const INVALID_CHARACTER = /[\uFFFE\uFEFF\uFFFF]/;

/**
 * One emoji sequence starting exactly at lastIndex. Keycaps are taken with or without their
 * variation selector, as X does; the rest is Unicode's recommended set (ZWJ sequences, skin
 * tones, flags, tag sequences), which follows the browser's Unicode version as X follows its own.
 */
const EMOJI = emojiPattern();

function emojiPattern(): RegExp {
  const keycap = '[#*0-9]\\uFE0F?\\u20E3';
  try {
    return new RegExp(`${keycap}|\\p{RGI_Emoji}`, 'yv');
  } catch {
    // Browsers before the `v` flag (Chrome 112, Firefox 116): a close approximation.
    const single = '(?:\\p{Emoji_Presentation}|\\p{Extended_Pictographic}\\uFE0F)\\p{Emoji_Modifier}?';
    return new RegExp(
      `${keycap}|\\p{Regional_Indicator}{2}|${single}(?:\\u200D${single})*|\\p{Emoji_Modifier}`,
      'yu',
    );
  }
}

/* ---------------------------------------------------------------------------------------
 * Finding URLs as X does: with or without a scheme, ended where a reader would end them.
 * ------------------------------------------------------------------------------------- */

/**
 * Every top-level domain in IANA's root zone (the `tlds` package, which follows IANA's list
 * at https://data.iana.org/TLD/tlds-alpha-by-domain.txt), in Unicode form for the
 * internationalised ones, as X writes them in twitter-text's list. X links a name on any of
 * them, with or without https://, so a hand-picked list left links uncounted and unpriced.
 */
const KNOWN_TLDS: ReadonlySet<string> = new Set(ianaTlds.map((name) => name.toLowerCase()));

/** Whether a link ending in `.name` is recognised without https:// (punycode names always are). */
export function isKnownTopLevelDomain(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN_TLDS.has(lower) || /^xn--[-0-9a-z]+$/.test(lower);
}

const TLD = `(?:${[...KNOWN_TLDS].sort((a, b) => b.length - a.length).join('|')}|xn--[-0-9a-z]+)(?=[^0-9a-z@+-]|$)`;

/** Characters that can never be part of a domain name: punctuation, spaces, direction marks. */
const NOT_DOMAIN =
  "!'#%&()*+,\\\\\\-./:;<=>?@\\[\\]^_{|}~$" +
  '\\t-\\r \\u0085\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000' +
  '\\uFFFE\\uFEFF\\uFFFF\\u202A-\\u202E\\u061C\\u200E\\u200F\\u2066-\\u2069';
const DOMAIN_CHAR = `[^${NOT_DOMAIN}]`;
const SUBDOMAIN = `(?:(?:${DOMAIN_CHAR}(?:[_-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const DOMAIN_LABEL = `(?:(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const DOMAIN = `${SUBDOMAIN}*${DOMAIN_LABEL}${TLD}`;

const LATIN_ACCENTS =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259' +
  '\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
const LETTERS = `a-z\\u0400-\\u04FF0-9${LATIN_ACCENTS}`;
const PATH_CHAR = `[${LETTERS}!*';:=+,.$/%#\\[\\]\\-\\u2013_~@|&]`;
const PARENS = `\\((?:${PATH_CHAR}+|(?:${PATH_CHAR}*\\(${PATH_CHAR}+\\)${PATH_CHAR}*))\\)`;
// A path may not end in punctuation a sentence would put after a link ("see x.com/a.").
const PATH_END = `[+\\-${LETTERS}=_#/]`;
// Each step of a path ends on a letter-like character, or is one balanced "(…)" (as in
// Wikipedia links), or an "@name/" segment.
const PATH = `(?:${PATH_CHAR}*(?:${PARENS}${PATH_CHAR}*)*${PATH_END}|${PARENS}|@${PATH_CHAR}+/)`;
const QUERY_CHAR = "[a-z0-9!?*'@();:&=+$/%#\\[\\]\\-_.,~|]";
const QUERY_END = '[a-z0-9\\-_&=#/]';
const QUERY = `\\?${QUERY_CHAR}*${QUERY_END}`;

/** A link is not taken from the middle of a word, an address, a cashtag or a hashtag. */
const BEFORE_URL = '(?:[^a-z0-9@＠$#＃\\uFFFE\\uFEFF\\uFFFF]|^)';

/** before, url, scheme, domain, path (groups 1–5); tried at one position at a time. */
const URL_AT = new RegExp(
  `(${BEFORE_URL})((https?:\\/\\/)?(${DOMAIN})(?::[0-9]+)?(\\/${PATH}*)?(?:${QUERY})?)`,
  'iy',
);
/** A full stop followed by a top-level domain: every link has one. */
const TLD_DOT = new RegExp(`\\.${TLD}`, 'gi');
/** What a domain is made of, full stops and hyphens included. */
const DOMAIN_RUN = new RegExp(`${DOMAIN_CHAR}|[._-]`);
/** The most a match can hold before its domain: one preceding character and "https://". */
const BEFORE_DOMAIN = 9;
/** The domain names written in ASCII (or accented Latin) inside a domain without a scheme. */
const ASCII_DOMAIN = new RegExp(`(?:[-a-z0-9${LATIN_ACCENTS}]+\\.)+${TLD}`, 'gi');
/** t.co links end after their slug: anything glued after it is text. */
const TCO_LINK = new RegExp(`^https?:\\/\\/t\\.co\\/([a-z0-9]+)(?:${QUERY})?`, 'i');
const MAX_TCO_SLUG = 40;
const MAX_URL = 4096;
const MAX_LABEL = 63;

interface UrlSpan {
  start: number;
  end: number;
}

/** Where X sees URLs in `text` (already normalised), in order, as UTF-16 spans. */
export function findUrls(text: string): UrlSpan[] {
  if (!text.includes('.')) return [];
  const spans: UrlSpan[] = [];
  let from = 0;
  while (from < text.length) {
    const match = nextCandidate(text, from);
    if (!match) break;
    const [, before = '', url = '', scheme, domain = '', path] = match;
    const end = match.index + match[0].length;
    const start = end - url.length;
    // A rejected candidate is not searched again for a shorter link, as X does.
    from = end;
    if (!plausibleDomain(domain) || (scheme ?? 'https://').length + url.length > MAX_URL) continue;
    if (scheme) {
      const tco = TCO_LINK.exec(url);
      if (tco) {
        if ((tco[1] ?? '').length > MAX_TCO_SLUG) continue;
        spans.push({ start, end: start + tco[0].length });
      } else {
        spans.push({ start, end });
      }
      continue;
    }
    // Without a scheme, "file_name.txt" or "a/b.com" are not links.
    if (/[-_./]$/.test(before)) continue;
    const domainStart = start + (scheme?.length ?? 0);
    let last: UrlSpan | null = null;
    ASCII_DOMAIN.lastIndex = 0;
    for (let ascii = ASCII_DOMAIN.exec(domain); ascii; ascii = ASCII_DOMAIN.exec(domain)) {
      last = { start: domainStart + ascii.index, end: domainStart + ascii.index + ascii[0].length };
      spans.push(last);
    }
    // Only a path carries the link on past its domain; a bare "?query" stays text. X then
    // counts the link as long as its ASCII domain plus what follows the whole domain, so
    // any non-ASCII labels after the ASCII domain ("a.orgр.рф/") are counted as text.
    if (last && path) last.end = last.end + (end - (domainStart + domain.length));
  }
  return spans;
}

/**
 * The leftmost link candidate at or after `from`. Trying the pattern everywhere costs time
 * proportional to the square of a long unbroken run (a page of CJK text is one); a link's
 * domain lies in one run of domain characters that holds a ".tld", so only the run before
 * each such full stop is tried.
 */
function nextCandidate(text: string, from: number): RegExpExecArray | null {
  // Every start before `tried` has been ruled out; a match may start on a full stop itself
  // (as the character before its domain), so a full stop is tried with the next one.
  let tried = from;
  for (let dotFrom = from; ; ) {
    TLD_DOT.lastIndex = dotFrom;
    const dot = TLD_DOT.exec(text);
    if (!dot) return null;
    let runStart = dot.index;
    while (runStart > tried && DOMAIN_RUN.test(text[runStart - 1] ?? '')) runStart--;
    for (let at = Math.max(tried, runStart - BEFORE_DOMAIN); at < dot.index; at++) {
      URL_AT.lastIndex = at;
      const match = URL_AT.exec(text);
      if (match) return match;
    }
    tried = Math.max(tried, dot.index);
    dotFrom = dot.index + 1;
  }
}

/**
 * Whether a domain could be looked up: each label, once in its DNS (punycode) form, holds
 * 1 to 63 characters, and a name already in punycode is plain ASCII.
 */
function plausibleDomain(domain: string): boolean {
  if (domain.startsWith('xn--') && !new RegExp(ASCII_DOMAIN.source, 'i').test(domain)) return false;
  return domain.split('.').every((label) => {
    const length = dnsLabelLength(label);
    return length > 0 && length <= MAX_LABEL;
  });
}

/** Ideographic and full-width full stops also separate labels once a domain is in DNS form. */
const WIDE_FULL_STOPS = /[\u3002\uFF0E\uFF61]/;

function dnsLabelLength(label: string): number {
  const parts = label.split(WIDE_FULL_STOPS);
  let length = parts.length - 1;
  for (const part of parts) length += /[^\0-\x7E]/.test(part) ? 4 + punycodeLength(part) : part.length;
  return length;
}

/** How long RFC 3492 (punycode) makes `text`, without building it: only the length matters here. */
function punycodeLength(text: string): number {
  const BASE = 36;
  const T_MIN = 1;
  const T_MAX = 26;
  const codePoints = Array.from(text, (char) => char.codePointAt(0) ?? 0);
  const basic = codePoints.filter((codePoint) => codePoint < 0x80).length;
  let length = basic > 0 ? basic + 1 : 0;
  let handled = basic;
  let next = 0x80;
  let delta = 0;
  let bias = 72;
  const adapt = (change: number, points: number, first: boolean) => {
    let scaled = first ? Math.floor(change / 700) : change >> 1;
    scaled += Math.floor(scaled / points);
    let k = 0;
    for (; scaled > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) scaled = Math.floor(scaled / (BASE - T_MIN));
    return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + 38));
  };
  while (handled < codePoints.length) {
    let smallest = Number.MAX_SAFE_INTEGER;
    for (const codePoint of codePoints) if (codePoint >= next && codePoint < smallest) smallest = codePoint;
    delta += (smallest - next) * (handled + 1);
    next = smallest;
    for (const codePoint of codePoints) {
      if (codePoint < next) delta++;
      if (codePoint !== next) continue;
      // One digit per step of the variable-length integer, then the last digit.
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < threshold) break;
        length++;
        q = Math.floor((q - threshold) / (BASE - threshold));
      }
      length++;
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    next++;
  }
  return length;
}

/**
 * Maps an index in the NFC text back to the text as typed, so highlighting lands on what
 * the user sees. Normalisation only rewrites a character together with the marks (or Hangul
 * jamo) that follow it, so the text is mapped cluster by cluster.
 */
function originalIndex(text: string, normalized: string, target: number): number {
  if (text === normalized) return target;
  const cluster = /[\s\S][\p{M}\u1160-\u11FF]*/gu;
  let normalizedAt = 0;
  for (let match = cluster.exec(text); match; match = cluster.exec(text)) {
    const written = match[0];
    const composed = written.normalize('NFC');
    if (target < normalizedAt + composed.length) {
      return match.index + (composed === written ? target - normalizedAt : 0);
    }
    normalizedAt += composed.length;
  }
  return text.length;
}
