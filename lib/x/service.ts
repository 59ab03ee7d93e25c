import type { PeoplePage, SearchPage, XOwnPost } from './answer-types';
import { like, repost } from './engagement';
import { peoplePage, setFollowing } from './follows';
import type { XPerson } from './people';
import { peopleByHandles, personByHandle, personById, personIfFresh, searchPeople } from './people-reads';
import type { XPost } from './post-view';
import { createPost, mentions, ownRecentPosts, personForView, recentPosts } from './posts';
import { searchRecent } from './search';
import { XCalls } from './x-calls';

export type { PeoplePage, SearchPage, XOwnPost, XPost, XSearchPost } from './answer-types';
export type { XServiceOptions } from './x-calls';

/**
 * Every X capability the pages ask for, acting as a chosen enabled account or the default.
 * Reads go through the cache; every call passes the rate-limit gate, the budget and the
 * meter (XCalls). Each capability lives in its own file: people-reads, posts, engagement,
 * follows, search; accounts and refresh in account-clients, metering in metering.
 */
export class XService extends XCalls {
  /** See people-reads.searchPeople. */
  searchPeople(query: string, token: string | null = null, accountId?: string | null): Promise<PeoplePage> {
    return searchPeople(this, query, token, accountId);
  }

  /** See people-reads.personByHandle. */
  personByHandle(handle: string, accountId?: string | null): Promise<XPerson | null> {
    return personByHandle(this, handle, accountId);
  }

  /** See people-reads.personIfFresh. */
  personIfFresh(id: string): Promise<XPerson | null | undefined> {
    return personIfFresh(this, id);
  }

  /** See people-reads.personById. */
  personById(id: string, accountId?: string | null): Promise<XPerson | null> {
    return personById(this, id, accountId);
  }

  /** See people-reads.peopleByHandles. */
  peopleByHandles(handles: readonly string[], accountId?: string | null): Promise<Map<string, XPerson>> {
    return peopleByHandles(this, handles, accountId);
  }

  /** See posts.recentPosts. */
  recentPosts(userId: string, accountId?: string | null): Promise<XPost[]> {
    return recentPosts(this, userId, accountId);
  }

  /** See posts.personForView. */
  personForView(userId: string, accountId?: string | null): Promise<XPerson | null> {
    return personForView(this, userId, accountId);
  }

  /** See posts.mentions. */
  mentions(userId: string, accountId?: string | null): Promise<XPost[]> {
    return mentions(this, userId, accountId);
  }

  /** See posts.createPost. */
  post(text: string, replyToPostId: string | null, hasUrl: boolean, accountId?: string | null) {
    return createPost(this, text, replyToPostId, hasUrl, accountId);
  }

  /** See posts.ownRecentPosts. */
  ownRecentPosts(accountId?: string | null): Promise<XOwnPost[]> {
    return ownRecentPosts(this, accountId);
  }

  /** See follows.peoplePage. */
  peoplePage(
    userId: string,
    list: 'followers' | 'following',
    token: string | null,
    accountId?: string | null,
  ): Promise<PeoplePage> {
    return peoplePage(this, userId, list, token, accountId);
  }

  /** See follows.setFollowing. */
  follow(targetId: string, accountId?: string | null): Promise<void> {
    return setFollowing(this, targetId, true, accountId);
  }

  /** See follows.setFollowing. */
  unfollow(targetId: string, accountId?: string | null): Promise<void> {
    return setFollowing(this, targetId, false, accountId);
  }

  /** See engagement.like. */
  like(postId: string, undo: boolean, accountId?: string | null): Promise<void> {
    return like(this, postId, undo, accountId);
  }

  /** See engagement.repost. */
  repost(postId: string, undo: boolean, accountId?: string | null): Promise<void> {
    return repost(this, postId, undo, accountId);
  }

  /** See search.searchRecent. */
  searchRecent(query: string, nextToken: string | null, accountId?: string | null): Promise<SearchPage> {
    return searchRecent(this, query, nextToken, accountId);
  }
}
