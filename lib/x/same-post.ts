import { findUrls } from './post-length';

/** A link X made in a post: the t.co `url` in its text, and what it stands for. */
export interface XLink {
  /** The t.co link as it appears in X's text. */
  url: string;
  /** What was written, with a scheme added when none was ("http://acme.io/q3-deck"). */
  expandedUrl: string;
}

/**
 * The links of X's `entities.urls`, kept only where `url` and `expanded_url` are strings
 * (an answer from X is checked like any input), in the order they appear in the text.
 */
export function linksOf(urls: unknown): XLink[] {
  if (!Array.isArray(urls)) return [];
  const links: (XLink & { start: number })[] = [];
  for (const entity of urls as unknown[]) {
    if (typeof entity !== 'object' || entity === null) continue;
    const { url, expanded_url: expandedUrl, start } = entity as Record<string, unknown>;
    if (typeof url !== 'string' || typeof expandedUrl !== 'string') continue;
    links.push({ url, expandedUrl, start: typeof start === 'number' ? start : Number.MAX_SAFE_INTEGER });
  }
  return links.sort((a, b) => a.start - b.start).map(({ url, expandedUrl }) => ({ url, expandedUrl }));
}

/** A post's text cut into words and links, so each side is compared in the same terms. */
type Piece = { kind: 'text'; text: string } | { kind: 'link'; href: string };

/**
 * Whether X's copy of a post is the text that was sent, compared through X's own entities:
 * each t.co link in X's text stands for its entity's expanded URL, each link in the sent text
 * is found as X finds links (measurePost's finder, so the composer's count, the price and this
 * agree), and the two are the same link when they name the same address. The words around
 * them are compared once X's escaping (`&amp;` `&lt;` `&gt;`, decoded once) is undone, NFC
 * normalised as X stores text, with runs of white space taken as one.
 *
 * A t.co link without an entity, or a link X saw that the finder did not (or the reverse),
 * makes the texts differ: the outbox then sends again, and X's duplicate refusal still says
 * the post is there. Never a false "already posted", which would lose the post.
 *
 * @param sent the text as sent (any normal form)
 * @param xText the post's `text` as X answers it (escaped, links shortened to t.co)
 * @param links X's `entities.urls` of that post, as `{ url, expandedUrl }`
 */
export function isSamePost(sent: string, xText: string, links: readonly XLink[]): boolean {
  const ours = tidy(sentPieces(sent.normalize('NFC')));
  const theirs = tidy(xPieces(unescapeX(xText).normalize('NFC'), links));
  return (
    ours.length === theirs.length &&
    ours.every((piece, index) => {
      const other = theirs[index];
      if (!other || other.kind !== piece.kind) return false;
      return piece.kind === 'text'
        ? piece.text === (other as typeof piece).text
        : sameAddress(piece.href, (other as typeof piece).href);
    })
  );
}

/** X escapes only these three in post text; each is decoded once ("&amp;lt;" stays "&lt;"). */
function unescapeX(text: string): string {
  const decoded: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) => decoded[name] ?? '');
}

function sentPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const span of findUrls(text)) {
    pieces.push({ kind: 'text', text: text.slice(at, span.start) });
    pieces.push({ kind: 'link', href: text.slice(span.start, span.end) });
    at = span.end;
  }
  pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

function xPieces(text: string, links: readonly XLink[]): Piece[] {
  const pieces: Piece[] = [];
  const remaining = links.filter((link) => link.url !== '');
  let at = 0;
  // Entities are matched by their t.co link, nearest first, not by offsets, which X counts
  // in code points of a text it may also have escaped.
  for (;;) {
    let next: { link: XLink; start: number } | null = null;
    for (const link of remaining) {
      const start = text.indexOf(link.url, at);
      if (start >= 0 && (next === null || start < next.start)) next = { link, start };
    }
    if (!next) break;
    remaining.splice(remaining.indexOf(next.link), 1);
    pieces.push({ kind: 'text', text: text.slice(at, next.start) });
    pieces.push({ kind: 'link', href: next.link.expandedUrl });
    at = next.start + next.link.url.length;
  }
  pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}

/** White space runs as one space, none at either end of the post, no empty pieces. */
function tidy(pieces: Piece[]): Piece[] {
  const tidied = pieces.map((piece) =>
    piece.kind === 'text' ? { kind: 'text' as const, text: piece.text.replace(/\s+/gu, ' ') } : piece,
  );
  const first = tidied[0];
  if (first?.kind === 'text') tidied[0] = { kind: 'text', text: first.text.trimStart() };
  const last = tidied[tidied.length - 1];
  if (last?.kind === 'text') tidied[tidied.length - 1] = { kind: 'text', text: last.text.trimEnd() };
  return tidied.filter((piece) => piece.kind === 'link' || piece.text !== '');
}

/**
 * Two writings of one address: the scheme set aside (X adds "http://" to a link written
 * without one), the host compared in its DNS form and any case, the rest as written.
 */
function sameAddress(written: string, expanded: string): boolean {
  const a = address(written);
  const b = address(expanded);
  return a !== null && a === b;
}

function address(link: string): string | null {
  const withScheme = /^https?:\/\//i.test(link) ? link : `http://${link}`;
  try {
    const url = new URL(withScheme);
    // "acme.io" and "http://acme.io/" are one address: URL gives both the path "/".
    const path = url.pathname === '/' ? '' : url.pathname;
    return `${url.host}${path}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
