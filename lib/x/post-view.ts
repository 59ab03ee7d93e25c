import { z } from 'zod';
import { t } from '../i18n';
import { XId } from './ids';
import { partsText, type TextPart, textParts } from './post-text';

/** Who wrote a post, as shown beside it. */
export interface XPostAuthor {
  id: string;
  name: string;
  handle: string;
}

/** A quoted post, shown beneath the post that quotes it. */
export interface XQuotedPost {
  id: string;
  text: string;
  parts: TextPart[];
  author: XPostAuthor | null;
}

/** A post as the panel and the search show it. */
export interface XPost {
  /** The id Reply, Like and Repost act on: for a repost, the original's. */
  id: string;
  /** What a person reads, X's escaping undone; for a long post, the whole of it. */
  text: string;
  /** `text` split by X's entities: links, mentions, hashtags. */
  parts: TextPart[];
  createdAt: string | null;
  likes: number;
  reposts: number;
  replies: number;
  /** The author when X sent it (always for a repost's original). */
  author: XPostAuthor | null;
  /** Set when the post shown is the original of a repost: who reposted it. */
  repostedBy: XPostAuthor | null;
  quoted: XQuotedPost | null;
  /** What X said about a part it did not send (a deleted original, a quoted post gone). */
  notice: string | null;
}

const id = XId;
const Tweet = z.object({
  id,
  text: z.string().max(100_000),
  author_id: id.optional(),
  created_at: z.string().max(40).optional(),
  entities: z.unknown().optional(),
  note_tweet: z.object({ text: z.string().max(100_000), entities: z.unknown().optional() }).optional(),
  referenced_tweets: z
    .array(z.object({ type: z.string().max(40), id }))
    .max(10)
    .optional(),
  public_metrics: z
    .object({ like_count: z.number(), retweet_count: z.number(), reply_count: z.number() })
    .partial()
    .optional(),
});
type Tweet = z.infer<typeof Tweet>;
const User = z.object({
  id,
  name: z.string().max(200),
  username: z.string().regex(/^[A-Za-z0-9_]{1,15}$/),
});
const InlineError = z
  .object({
    value: z.unknown(),
    resource_id: z.string().max(200),
    detail: z.string().max(500),
    title: z.string().max(200),
    type: z.string().max(300),
  })
  .partial();
export type InlineError = z.infer<typeof InlineError>;

/** Items of a list from X that fit the schema; the rest are dropped, not shown half-read. */
function valid<T>(schema: z.ZodType<T>, list: unknown): T[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * A post's whole text: `note_tweet` when X sent one (a long post; not escaped), else `text`
 * (escaped). Source: X's data dictionary, `note_tweet` on the Post object.
 */
function body(tweet: Tweet): { text: string; parts: TextPart[] } {
  const parts = tweet.note_tweet
    ? textParts(tweet.note_tweet.text, tweet.note_tweet.entities, false)
    : textParts(tweet.text, tweet.entities, true);
  return { text: partsText(parts), parts };
}

/** One of X's answers carrying posts: `data`, `includes` and inline `errors`, all unchecked. */
export interface PostsAnswer {
  data?: unknown;
  includes?: { tweets?: unknown; users?: unknown };
  errors?: unknown;
}

/** The inline errors of an answer that fit X's shape. */
export function inlineErrors(answer: { errors?: unknown }): InlineError[] {
  return valid(InlineError, answer.errors);
}

/** What X said about one resource it left out, for the user, or a plain "X refused". */
function saidAbout(errors: InlineError[], resourceId: string): string {
  const said = errors.find((error) => error.resource_id === resourceId || error.value === resourceId);
  return said?.detail ? t('xSays', said.detail) : t('xRefused');
}

/**
 * Posts from a timeline or search answer as they are shown: a repost as its original (with
 * who reposted it), a quote with the quoted post, long posts whole, X's escaping undone once.
 * Expects `expansions=author_id,referenced_tweets.id,referenced_tweets.id.author_id`; an
 * expanded post X did not send is reported by X's own inline error in `notice`.
 *
 * @returns the posts, and the ids of every post and user the answer billed (for usage)
 */
export function postsFromAnswer(answer: PostsAnswer): {
  posts: XPost[];
  billedPosts: string[];
  billedUsers: string[];
} {
  const tweets = valid(Tweet, answer.data);
  const included = new Map(valid(Tweet, answer.includes?.tweets).map((tweet) => [tweet.id, tweet]));
  const users = new Map(valid(User, answer.includes?.users).map((user) => [user.id, user]));
  const errors = inlineErrors(answer);
  const authorOf = (tweet: Tweet): XPostAuthor | null => {
    const user = tweet.author_id ? users.get(tweet.author_id) : undefined;
    return user ? { id: user.id, name: user.name, handle: user.username } : null;
  };
  const ref = (tweet: Tweet, type: string) => tweet.referenced_tweets?.find((r) => r.type === type)?.id;

  const posts = tweets.map((tweet): XPost => {
    const notices: string[] = [];
    const repostOf = ref(tweet, 'retweeted');
    const original = repostOf ? included.get(repostOf) : undefined;
    if (repostOf && !original) notices.push(saidAbout(errors, repostOf));
    const shown = original ?? tweet;
    const quotedId = ref(shown, 'quoted');
    const quotedTweet = quotedId ? included.get(quotedId) : undefined;
    if (quotedId && !quotedTweet) notices.push(saidAbout(errors, quotedId));
    return {
      id: shown.id,
      ...body(shown),
      createdAt: shown.created_at ?? null,
      likes: shown.public_metrics?.like_count ?? 0,
      reposts: shown.public_metrics?.retweet_count ?? 0,
      replies: shown.public_metrics?.reply_count ?? 0,
      author: authorOf(shown),
      repostedBy: original ? authorOf(tweet) : null,
      quoted: quotedTweet
        ? { id: quotedTweet.id, ...body(quotedTweet), author: authorOf(quotedTweet) }
        : null,
      notice: notices.length ? notices.join(' ') : null,
    };
  });
  return {
    posts,
    billedPosts: [...new Set([...tweets.map((tweet) => tweet.id), ...included.keys()])],
    billedUsers: [...users.keys()],
  };
}
