import { z } from 'zod';

/**
 * One piece of a post or bio as the user sees it: plain text, or a link X marked with an
 * entity. Every `text` is final (already unescaped) and must be shown as text, never as HTML.
 */
export type TextPart =
  | { kind: 'text'; text: string }
  /** `text` is X's display_url; `title` the whole expanded URL; `href` only when http(s) */
  | { kind: 'link'; text: string; href: string | null; title: string }
  | { kind: 'mention'; text: string; href: string }
  | { kind: 'hashtag'; text: string; href: string }
  | { kind: 'cashtag'; text: string; href: string };

/** Longest text shown: X's long posts hold up to 25,000 characters. */
const MAX_CODE_POINTS = 25_000;

const offsets = { start: z.number().int().nonnegative(), end: z.number().int().positive() };
const UrlEntity = z.object({
  ...offsets,
  url: z.string().min(1).max(2000),
  expanded_url: z.string().max(4000).optional(),
  display_url: z.string().max(4000).optional(),
});
const MentionEntity = z.object({ ...offsets, username: z.string().regex(/^[A-Za-z0-9_]{1,15}$/) });
const TagEntity = z.object({ ...offsets, tag: z.string().min(1).max(280) });

/** Each entry is checked on its own: one malformed entity from X costs only itself. */
function entries<T>(schema: z.ZodType<T>, list: unknown): T[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * X's escaping of `&`, `<` and `>` in post text, undone exactly once: `&amp;lt;` becomes the
 * literal `&lt;` a person typed, not `<`. Other references are left as they are, because X
 * escapes nothing else.
 */
export function unescapeX(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** A web address a link may point to: http or https only, as the URL parser reads it. */
export function webHref(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface Placed {
  start: number;
  end: number;
  part: TextPart;
}

/**
 * Where an entity sits in the text, in code points. X defines start/end in code points of
 * the text it sent (https://docs.x.com/x-api/fundamentals/data-dictionary, "entities"), but
 * answers seen in the wild also use UTF-16 offsets or offsets of the unescaped text; so the
 * entity is taken where its own text (`https://t.co/…`, `@handle`, `#tag`) really is: at
 * its code-point offsets, else at its UTF-16 offsets, else at the first place at or after
 * `from` where that text occurs. Null when it occurs nowhere: it is then left out.
 */
function locate(
  chars: string[],
  text: string,
  start: number,
  end: number,
  expected: string,
  from: number,
): { start: number; end: number } | null {
  const same = (found: string) => found.toLowerCase() === expected.toLowerCase();
  if (end > start && end <= chars.length && same(chars.slice(start, end).join(''))) return { start, end };
  if (end > start && end <= text.length && same(text.slice(start, end))) {
    const cpStart = Array.from(text.slice(0, start)).length;
    return { start: cpStart, end: cpStart + Array.from(expected).length };
  }
  const lower = text.toLowerCase();
  const fromUtf16 = chars.slice(0, from).join('').length;
  const at = lower.indexOf(expected.toLowerCase(), fromUtf16);
  if (at < 0) return null;
  const cpStart = Array.from(text.slice(0, at)).length;
  return { start: cpStart, end: cpStart + Array.from(expected).length };
}

/**
 * A post's or bio's text split into what to show, from X's entities: links shown by their
 * display URL and pointing to the expanded URL (http/https only, the full URL in `title`),
 * mentions to the person's X profile, hashtags and cashtags to X's search.
 *
 * @param text `text` (or `note_tweet.text`, or a bio) exactly as X sent it
 * @param entities X's `entities` object for that text (`urls`, `mentions`, `hashtags`,
 *   `cashtags`); anything malformed, out of range or overlapping is ignored
 * @param escaped whether X HTML-escaped this text: true for a post's `text`; false for
 *   `note_tweet.text` and user fields, which X sends unescaped
 * @returns the parts in order; their texts joined give the text a person reads
 */
export function textParts(text: string, entities: unknown, escaped: boolean): TextPart[] {
  const chars = Array.from(text).slice(0, MAX_CODE_POINTS);
  const bounded = chars.join('');
  const source = (typeof entities === 'object' && entities !== null ? entities : {}) as Record<
    string,
    unknown
  >;
  const candidates: { start: number; end: number; expected: string; make: () => TextPart }[] = [];
  for (const url of entries(UrlEntity, source.urls)) {
    candidates.push({
      start: url.start,
      end: url.end,
      expected: url.url,
      make: () => {
        const full = url.expanded_url || url.url;
        return { kind: 'link', text: url.display_url || full, href: webHref(full), title: full };
      },
    });
  }
  for (const mention of entries(MentionEntity, source.mentions)) {
    candidates.push({
      start: mention.start,
      end: mention.end,
      expected: `@${mention.username}`,
      make: () => ({
        kind: 'mention',
        text: `@${mention.username}`,
        href: `https://x.com/${mention.username}`,
      }),
    });
  }
  for (const [list, sigil, kind] of [
    [source.hashtags, '#', 'hashtag'],
    [source.cashtags, '$', 'cashtag'],
  ] as const) {
    for (const tag of entries(TagEntity, list)) {
      candidates.push({
        start: tag.start,
        end: tag.end,
        expected: `${sigil}${tag.tag}`,
        make: () => ({
          kind,
          text: `${sigil}${tag.tag}`,
          href: `https://x.com/search?q=${encodeURIComponent(`${sigil}${tag.tag}`)}`,
        }),
      });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);

  const placed: Placed[] = [];
  let taken = 0;
  for (const candidate of candidates) {
    const at = locate(chars, bounded, candidate.start, candidate.end, candidate.expected, taken);
    // Overlaps are dropped: the first entity keeps its text.
    if (!at || at.start < taken) continue;
    placed.push({ ...at, part: candidate.make() });
    taken = at.end;
  }

  const parts: TextPart[] = [];
  const plain = (from: number, to: number) => {
    if (to <= from) return;
    const slice = chars.slice(from, to).join('');
    parts.push({ kind: 'text', text: escaped ? unescapeX(slice) : slice });
  };
  let cursor = 0;
  for (const entity of placed) {
    plain(cursor, entity.start);
    parts.push(entity.part);
    cursor = entity.end;
  }
  plain(cursor, chars.length);
  return parts;
}

/** The text a person reads, from its parts (for a composer quote, a title, a test). */
export function partsText(parts: readonly TextPart[]): string {
  return parts.map((part) => part.text).join('');
}
