// What X puts in a post's `text` for what it stored: long posts and reposts cut short, and
// `&` `<` `>` HTML-escaped. The stored text stays whole and unescaped; `note_tweet` carries it.
import { MAX_WEIGHTED_LENGTH, weightedLength } from './entities';

/**
 * X escapes these three in post `text` (not `"` or `'`), as clients have long had to undo
 * (twitter-ruby #348, tweepy #451, nextcloud/integration_twitter #37).
 */
export function escapeLikeX(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A long post's `text`: the longest prefix ending at a word break that fits X's 280 weighted
 * characters, with no ellipsis (seen on X: xdevplatform/samples #202, a 284-character post
 * answered cut after its 270th character, at the end of a word).
 */
export function cutLongPost(text: string): string {
  if (weightedLength(text) <= MAX_WEIGHTED_LENGTH) return text;
  const chars = Array.from(text);
  let cut = '';
  let taken = '';
  for (const char of chars) {
    if (/\s/u.test(char) && taken && weightedLength(taken) <= MAX_WEIGHTED_LENGTH) cut = taken;
    taken += char;
    if (weightedLength(taken) > MAX_WEIGHTED_LENGTH + 30) break;
  }
  return (cut || chars.slice(0, MAX_WEIGHTED_LENGTH).join('')).trimEnd();
}

/** Reposts keep X's old 140-character frame: `RT @handle: ` and the original, cut with `…`. */
export const REPOST_TEXT_LIMIT = 140;

/** A repost's stored `RT @handle: original` as X sends it: at most 140 characters, `…` marking a cut. */
export function cutRepost(stored: string): string {
  const whole = Array.from(stored);
  if (whole.length <= REPOST_TEXT_LIMIT) return stored;
  return `${whole
    .slice(0, REPOST_TEXT_LIMIT - 1)
    .join('')
    .trimEnd()}…`;
}

/** `text` as X sends it for a stored post: cut as X cuts it, then escaped. */
export function sentText(stored: string, isRepost: boolean): { text: string; cut: boolean } {
  const cut = isRepost ? cutRepost(stored) : cutLongPost(stored);
  return { text: escapeLikeX(cut), cut: cut !== stored };
}
