import type { Account } from '../store/schema';
import { type PostsAnswer, postsFromAnswer, type XPost } from './post-view';
import { isOwnedRead, PRICE_USD, readUnitPrice } from './prices';
import type { XService } from './service';
import { SEVEN_DAYS_MS, snowflakeTime } from './snowflake';

/** Mentions asked for per account and refresh: X's smallest page above its minimum of 5. */
export const MENTIONS_PAGE = 10;
/** Posts asked for per news query and refresh: recent search's smallest page. */
export const NEWS_PAGE = 10;

/** Asked for so a post shows whole (long posts, reposts, quotes) with its author. */
const TWEET_FIELDS = 'created_at,public_metrics,entities,note_tweet,referenced_tweets,author_id';
const EXPANSIONS = 'author_id,referenced_tweets.id,referenced_tweets.id.author_id';

/** A post as a social read found it: the post, its own id and its author. */
export interface FoundPost {
  /** The id X gave this post (for a repost, the repost's, not the original's). */
  id: string;
  post: XPost;
  authorId: string;
  authorName: string;
  authorHandle: string;
}

/** What one social read brought: its posts, the newest id X named, whether more were left. */
export interface SocialRead {
  posts: FoundPost[];
  newestId: string | null;
  more: boolean;
  /** X's token for the next (older) page, when there is one. */
  nextToken: string | null;
}

type Answer = PostsAnswer & {
  data?: { id: string; author_id?: string }[];
  meta?: { newest_id?: string; next_token?: string };
};

function found(answer: Answer): SocialRead {
  const { posts } = postsFromAnswer(answer);
  const raw = Array.isArray(answer.data) ? answer.data : [];
  const users = new Map(
    (Array.isArray(answer.includes?.users)
      ? (answer.includes.users as { id: string; name: string; username: string }[])
      : []
    ).map((user) => [user.id, user]),
  );
  // postsFromAnswer keeps X's order and drops what does not fit its schema: pair by position
  // only where the ids agree, so a dropped post never lends its id to another.
  const list: FoundPost[] = [];
  let at = 0;
  for (const item of raw) {
    const post = posts[at];
    if (!post) break;
    const author = users.get(item.author_id ?? '');
    const shownId = post.repostedBy ? post.id : item.id;
    if (shownId !== post.id || !author) continue;
    at++;
    list.push({
      id: item.id,
      post,
      authorId: author.id,
      authorName: author.name,
      authorHandle: author.username,
    });
  }
  const nextToken = typeof answer.meta?.next_token === 'string' ? answer.meta.next_token : null;
  return { posts: list, newestId: answer.meta?.newest_id ?? null, more: nextToken !== null, nextToken };
}

/** What a page of posts bills: each post (an Owned Read when it applies) and each author. */
function bill(answer: Answer, owned: boolean) {
  const { billedPosts, billedUsers } = postsFromAnswer(answer);
  return [
    {
      operation: 'read-post',
      unitUsd: readUnitPrice(PRICE_USD.readPost, owned),
      resources: billedPosts.map((id) => `post:${id}`),
    },
    { operation: 'read-user', unitUsd: PRICE_USD.readUser, resources: billedUsers.map((id) => `user:${id}`) },
  ];
}

/**
 * A since_id recent search still takes: X refuses one older than its seven days (400), and
 * every post it can reach is newer than such an id anyway, so it is simply left out.
 */
export function usableSinceId(sinceId: string | null, now: number): string | null {
  if (!sinceId) return null;
  // A minute of margin: the request reaches X a little after `now`.
  return snowflakeTime(sinceId) > now - SEVEN_DAYS_MS + 60_000 ? sinceId : null;
}

/** The most posts X gives in one page of mentions or recent search. */
export const LARGEST_PAGE = 100;
/**
 * The most new posts one refresh reads from one source (three of X's largest pages, $1.50 of
 * posts at most), so a week's backlog cannot spend the day's budget unasked; the quote says
 * it, and how many are left beyond it, before the rep refreshes.
 */
export const SOURCE_READ_CAP = 3 * LARGEST_PAGE;

/**
 * Posts that mention or answer `account` since `sinceId` (GET /2/users/:id/mentions), newest
 * first, one page of `pageSize` (5–100), read as that account. Owned Reads when it owns the
 * app. `startTime` (RFC 3339) keeps the read within the window a count saw; `pageToken`
 * continues to the next, older page.
 */
export function readMentions(
  service: XService,
  account: Account,
  sinceId: string | null,
  pageSize = MENTIONS_PAGE,
  startTime: string | null = null,
  pageToken: string | null = null,
): Promise<SocialRead> {
  return service
    .call(
      account.xUserId,
      'read',
      (client) =>
        client.v2.get<Answer>(`users/${account.xUserId}/mentions`, {
          max_results: pageSize,
          'tweet.fields': TWEET_FIELDS,
          expansions: EXPANSIONS,
          'user.fields': 'name,username',
          ...(sinceId ? { since_id: sinceId } : {}),
          ...(startTime ? { start_time: startTime } : {}),
          ...(pageToken ? { pagination_token: pageToken } : {}),
        }),
      (answer) => bill(answer, isOwnedRead(account, account.xUserId)),
    )
    .then(found);
}

/**
 * New posts matching a news query (GET /2/tweets/search/recent) since `sinceId`, one page of
 * `pageSize` (10–100), read as `accountId` (the default account when null); `pageToken`
 * continues to the next, older page of the same query.
 */
export function readNews(
  service: XService,
  query: string,
  sinceId: string | null,
  accountId: string | null,
  pageSize = NEWS_PAGE,
  pageToken: string | null = null,
): Promise<SocialRead> {
  return service
    .call(
      accountId,
      'read',
      (client) =>
        client.v2.get<Answer>('tweets/search/recent', {
          query,
          max_results: pageSize,
          'tweet.fields': TWEET_FIELDS,
          expansions: EXPANSIONS,
          'user.fields': 'name,username',
          ...(sinceId ? { since_id: sinceId } : {}),
          ...(pageToken ? { next_token: pageToken } : {}),
        }),
      (answer) => bill(answer, false),
    )
    .then(found);
}
