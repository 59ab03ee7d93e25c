import { answerProblem } from './answer-errors';
import type { XOwnPost } from './answer-types';
import { postsPageBill, postsReadBill, writeBill } from './metering';
import { unescapeX } from './post-text';
import type { XError } from './errors';
import { USER_FIELDS, type XPerson } from './people';
import { personById, personKey } from './people-reads';
import { inlineErrors, type PostsAnswer, postsFromAnswer, type XPost } from './post-view';
import { isOwnedRead, postPrice } from './prices';
import { linksOf } from './same-post';
import { timelineOwner } from './timeline-owner';
import type { XCalls } from './x-calls';

/**
 * Asked for on every post read: `note_tweet` so a long post comes whole, `referenced_tweets`
 * so a repost or quote can be shown with its original, `author_id` since X includes it only
 * when asked for, expansion or not (X's data dictionary, Post object).
 */
export const POST_FIELDS = [
  'created_at',
  'public_metrics',
  'entities',
  'note_tweet',
  'referenced_tweets',
  'author_id',
].join(',');

/** The posts a repost or quote points at, and their authors, come in `includes`. */
export const POST_EXPANSIONS = 'author_id,referenced_tweets.id,referenced_tweets.id.author_id';

/** What a page of posts asks X for besides its own parameters. */
export const POSTS_PAGE_QUERY = {
  'tweet.fields': POST_FIELDS,
  expansions: POST_EXPANSIONS,
  'user.fields': 'name,username',
};

/**
 * A person's latest 10 posts (GET /2/users/:id/tweets), reposts shown as their originals.
 * A protected account read by a non-follower, a suspended one, or any answer with X's errors
 * and no posts is thrown as what X said, and so never cached as "no posts".
 * @throws XError as XCalls.call, or what X said.
 */
export async function recentPosts(x: XCalls, userId: string, accountId?: string | null): Promise<XPost[]> {
  const refused = refusedTimelines.get(x)?.get(userId);
  refusedTimelines.get(x)?.delete(userId);
  if (refused && x.now() - refused.at < REFUSAL_KEPT_MS) throw refused.problem;
  const { postsMs } = await x.freshness();
  return x.cache.read(`posts:${userId}`, postsMs, async () => {
    const page = await x.call(
      accountId,
      'read',
      async (client) => {
        const answer = await client.v2.get<PostsAnswer>(`users/${userId}/tweets`, {
          max_results: 10,
          ...POSTS_PAGE_QUERY,
        });
        const errors = inlineErrors(answer);
        if (!answer.data && errors.length) throw answerProblem(errors);
        return postsFromAnswer(answer);
      },
      (answer, account) => postsPageBill(answer, isOwnedRead(account, userId)),
    );
    return page.posts;
  });
}

/** How long a timeline X refused while a view read it stays the answer to the panel's posts (ms). */
const REFUSAL_KEPT_MS = 60_000;

/**
 * Timelines X refused while personForView read them, by user id, per service (one per
 * worker): what X said, kept in memory only, as a refusal is never cached as "no posts".
 */
const refusedTimelines = new WeakMap<XCalls, Map<string, { problem: XError; at: number }>>();

/**
 * The associated person for a record's view, with their recent posts read in the same round
 * trip: a timeline read with `expansions=author_id` and the profile's user fields brings the
 * person in `includes.users` (X docs, "Fields and expansions"), billed as the user read it
 * replaces, so the price is unchanged and the view waits for one call instead of two. Both
 * answers are cached, the person under the one entry a read by id or handle uses, so the
 * panel's posts then cost nothing. A person or posts still fresh in the cache cost no
 * timeline read (the person is read by id, the posts when shown, if stale). When the person
 * has no posts X sends no `includes`, and when X refuses the timeline (protected, suspended)
 * it sends only errors: the person is then looked up on their own, a second call, and the
 * refusal is kept a minute so the panel's posts show it without asking X again.
 *
 * @returns the person, or null when X has none by that id
 * @throws XError as people-reads.personById
 */
export async function personForView(
  x: XCalls,
  userId: string,
  accountId?: string | null,
): Promise<XPerson | null> {
  const { profileMs, postsMs } = await x.freshness();
  const fresh =
    (await x.cache.isFresh(personKey(userId), profileMs)) ||
    (await x.cache.isFresh(`posts:${userId}`, postsMs));
  if (fresh) return personById(x, userId, accountId);
  const read = await x.call(
    accountId,
    'read',
    async (client) => {
      const answer = await client.v2.get<PostsAnswer>(`users/${userId}/tweets`, {
        max_results: 10,
        ...POSTS_PAGE_QUERY,
        'user.fields': USER_FIELDS.join(','),
      });
      const errors = inlineErrors(answer);
      if (!answer.data && errors.length) return { refused: answerProblem(errors), page: null };
      return { refused: null, page: { ...postsFromAnswer(answer), person: timelineOwner(answer, userId) } };
    },
    ({ page }, account) => (page ? postsPageBill(page, isOwnedRead(account, userId)) : []),
  );
  const { page } = read;
  if (read.refused || !page) {
    if (read.refused) {
      const refusals = refusedTimelines.get(x) ?? new Map<string, { problem: XError; at: number }>();
      refusals.set(userId, { problem: read.refused, at: x.now() });
      refusedTimelines.set(x, refusals);
    }
    return personById(x, userId, accountId);
  }
  await x.cache.put(`posts:${userId}`, page.posts);
  if (!page.person) return personById(x, userId, accountId);
  await x.cache.put(personKey(userId), page.person);
  return page.person;
}

/**
 * Recent posts that mention a person (GET /2/users/:id/mentions), 10 at most, through the
 * cache like recentPosts; an Owned Read when the person is the acting account owning the app.
 * @throws XError as XCalls.call.
 */
export async function mentions(x: XCalls, userId: string, accountId?: string | null): Promise<XPost[]> {
  const { postsMs } = await x.freshness();
  return x.cache.read(`mentions:${userId}`, postsMs, async () => {
    const page = await x.call(
      accountId,
      'read',
      async (client) =>
        postsFromAnswer(
          await client.v2.get<PostsAnswer>(`users/${userId}/mentions`, {
            max_results: 10,
            ...POSTS_PAGE_QUERY,
          }),
        ),
      (answer, account) => postsPageBill(answer, isOwnedRead(account, userId)),
    );
    return page.posts;
  });
}

/**
 * Creates a post or a reply (POST /2/tweets), billed at the post price, with or without a
 * link (`hasUrl`). Never retried here: a write is not sent twice blindly.
 * @throws XError as XCalls.call; `duplicate` when X already has this text from the account.
 */
export async function createPost(
  x: XCalls,
  text: string,
  replyToPostId: string | null,
  hasUrl: boolean,
  accountId?: string | null,
): Promise<{ id: string; text: string }> {
  return x.call(
    accountId,
    'write',
    async (client) => {
      const result = await client.v2.tweet(
        replyToPostId ? { text, reply: { in_reply_to_tweet_id: replyToPostId } } : { text },
      );
      return { id: result.data.id, text: result.data.text };
    },
    writeBill('post', postPrice(hasUrl)),
  );
}

/**
 * The acting account's latest 10 posts, reposts left out, never from the cache: the outbox
 * asks whether a post it could not confirm reached X, and only X's answer of now can say.
 * @throws XError as XCalls.call.
 */
export async function ownRecentPosts(x: XCalls, accountId?: string | null): Promise<XOwnPost[]> {
  return x.call(
    accountId,
    'read',
    async (client, account) => {
      const timeline = await client.v2.userTimeline(account.xUserId, {
        max_results: 10,
        'tweet.fields': ['created_at', 'entities'],
        exclude: ['retweets'],
      });
      return (timeline.tweets ?? []).map((tweet) => ({
        id: tweet.id,
        // X sends `text` escaped; the outbox compares it with what was typed.
        text: unescapeX(String(tweet.text ?? '')),
        createdAt: tweet.created_at ?? null,
        links: linksOf(tweet.entities?.urls),
      }));
    },
    (posts, account) => postsReadBill(posts, isOwnedRead(account, account.xUserId)),
  );
}
