import type { SearchPage } from './answer-types';
import { postsPageBill } from './metering';
import { type PostsAnswer, postsFromAnswer } from './post-view';
import { POSTS_PAGE_QUERY } from './posts';
import { SEARCH_PAGE_SIZE } from './prices';
import type { XCalls } from './x-calls';

/** X's longest recent-search query, in characters (X's docs, Search Posts: `query`). */
const MAX_QUERY_LENGTH = 512;

/**
 * Recent posts (X's last 7 days) matching a search query, newest first, one page of
 * SEARCH_PAGE_SIZE (GET /2/tweets/search/recent). Each post is billed once a day as a post
 * read; the authors come with it as an expansion. Reposts are left out (`-is:retweet`) unless
 * the query names `is:retweet` itself: a repost repeats a post the search usually finds
 * anyway, yet is billed as one more post read.
 * @throws XError as XCalls.call.
 */
export async function searchRecent(
  x: XCalls,
  query: string,
  nextToken: string | null,
  accountId?: string | null,
): Promise<SearchPage> {
  const asked = /(^|\s|\()-?is:retweet\b/i.test(query) ? query : `${query} -is:retweet`;
  const page = await x.call(
    accountId,
    'read',
    async (client) => {
      const result = await client.v2.get<PostsAnswer & { meta?: { next_token?: string } }>(
        'tweets/search/recent',
        {
          query: asked.length <= MAX_QUERY_LENGTH ? asked : query,
          max_results: SEARCH_PAGE_SIZE,
          ...POSTS_PAGE_QUERY,
          ...(nextToken ? { next_token: nextToken } : {}),
        },
      );
      return { ...postsFromAnswer(result), nextToken: result.meta?.next_token ?? null };
    },
    (answer) => postsPageBill(answer),
  );
  const posts = page.posts.map((post) => ({
    ...post,
    authorId: post.author?.id ?? '',
    authorName: post.author?.name ?? '',
    authorHandle: post.author?.handle ?? '',
  }));
  return { posts, nextToken: page.nextToken };
}
