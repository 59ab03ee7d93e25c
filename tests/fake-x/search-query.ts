// A small subset of X's search query language, enough for the product: words, "quoted phrases",
// from:/to: handles, @mentions, #hashtags, is:retweet, is:quote, is:reply, has:links, lang:, -negation
// and OR between two terms. Terms side by side must all match (AND), as on X.
import { invalidRequest } from './problems';
import type { Post, XState } from './state';

type Term = { negated: boolean; test: (post: Post) => boolean };
/** A conjunction of alternatives: every group needs one of its terms to hold. */
type Query = Term[][];

const TOKEN = /-?"[^"]*"|\S+/g;

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}_]+/u)
      .filter(Boolean),
  );
}

function termFor(raw: string, state: XState): Term {
  const negated = raw.startsWith('-') && raw.length > 1;
  const body = negated ? raw.slice(1) : raw;
  const lower = body.toLowerCase();
  const author = (post: Post): string => state.users.get(post.authorId)?.username.toLowerCase() ?? '';
  let test: (post: Post) => boolean;
  if (body.startsWith('"') && body.endsWith('"') && body.length >= 2) {
    const phrase = lower.slice(1, -1);
    test = (post) => post.text.toLowerCase().includes(phrase);
  } else if (lower.startsWith('from:')) {
    const handle = lower.slice(5).replace(/^@/, '');
    test = (post) => author(post) === handle;
  } else if (lower.startsWith('to:')) {
    const handle = lower.slice(3).replace(/^@/, '');
    test = (post) =>
      !!post.inReplyToUserId && state.users.get(post.inReplyToUserId)?.username.toLowerCase() === handle;
  } else if (lower.startsWith('@')) {
    const handle = lower.slice(1);
    test = (post) => (post.entities.mentions ?? []).some((m) => m.username.toLowerCase() === handle);
  } else if (lower.startsWith('#')) {
    const tag = lower.slice(1);
    test = (post) => (post.entities.hashtags ?? []).some((h) => h.tag.toLowerCase() === tag);
  } else if (lower === 'is:retweet') {
    test = (post) => !!post.repostOf;
  } else if (lower === 'is:quote') {
    test = (post) => !!post.quoteOf;
  } else if (lower === 'is:reply') {
    test = (post) => !!post.inReplyToPostId;
  } else if (lower === 'has:links') {
    test = (post) => (post.entities.urls ?? []).length > 0;
  } else if (lower.startsWith('lang:')) {
    const lang = lower.slice(5);
    test = (post) => post.lang === lang;
  } else if (/^[\x20-\x7e]+$/.test(lower)) {
    const word = lower.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, '');
    test = (post) => words(post.text).has(word);
  } else {
    // Scripts without spaces between words (CJK): match as a substring.
    test = (post) => post.text.toLowerCase().includes(lower);
  }
  return { negated, test: negated ? (post) => !test(post) : test };
}

export function parseSearchQuery(query: string, state: XState): Query {
  if (!query.trim() || query.length > 512) {
    throw invalidRequest(
      'query',
      [query],
      `The \`query\` query parameter value [${query}] is not valid: it must be between 1 and 512 characters`,
    );
  }
  const raw = (query.match(TOKEN) ?? []).map((t) => t.replace(/^\(|\)$/g, '')).filter(Boolean);
  const groups: Query = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i] ?? '';
    if (token === 'OR') continue;
    const term = termFor(token, state);
    if (raw[i - 1] === 'OR' && groups.length) groups[groups.length - 1]?.push(term);
    else groups.push([term]);
  }
  if (groups.length && groups.every((g) => g.every((t) => t.negated))) {
    throw invalidRequest(
      'query',
      [query],
      'There were errors processing your request: a query needs a positive term',
    );
  }
  return groups;
}

export function matches(query: Query, post: Post): boolean {
  return query.every((group) => group.some((term) => term.test(post)));
}
