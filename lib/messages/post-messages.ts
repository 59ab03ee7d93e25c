import { z } from 'zod';
import type { CrmRecordLink } from '../store/crm-people';
import type { XPost, XSearchPost } from '../x/answer-types';
import type { PostOutcome } from '../x/outbox';
import { actingAccountId, postId, xUserId } from './fields';
import { defineMessages, typed } from './spec';

/** A search result with the CRM record its author is associated with, if any. */
export type SearchResult = XSearchPost & { record: CrmRecordLink | null };

export interface SearchResultPage {
  posts: SearchResult[];
  nextToken: string | null;
}

/** Posts: a person's recent ones, search, and what the user does with them. */
export const postMessages = defineMessages({
  personPosts: {
    from: ['panel'],
    input: z.object({ xUserId, accountId: actingAccountId }).strict(),
    output: typed<XPost[]>(),
  },
  /**
   * A post or a reply; refused before X when it does not fit X's 280 weighted characters.
   * Posted, or queued in the outbox when the send ended unclearly; a refusal is an error.
   * The draft it was typed in (`draftId`) leaves the drafts once it is posted or queued.
   */
  postCreate: {
    from: ['panel', 'popup'],
    input: z
      .object({
        text: z.string().min(1).max(2000),
        replyToPostId: postId.nullable().optional(),
        accountId: actingAccountId,
        draftId: z.uuid().optional(),
      })
      .strict(),
    output: typed<PostOutcome>(),
  },
  postLike: {
    from: ['panel', 'popup'],
    input: z.object({ postId, undo: z.boolean(), accountId: actingAccountId }).strict(),
    output: z.object({ liked: z.boolean() }),
  },
  postRepost: {
    from: ['panel', 'popup'],
    input: z.object({ postId, undo: z.boolean(), accountId: actingAccountId }).strict(),
    output: z.object({ reposted: z.boolean() }),
  },
  /** One page of recent posts for a query in X's syntax (X takes up to 512 characters). */
  postSearch: {
    from: ['popup'],
    input: z
      .object({
        query: z.string().trim().min(1).max(512),
        nextToken: z.string().max(200).nullable().optional(),
        accountId: actingAccountId,
      })
      .strict(),
    output: typed<SearchResultPage>(),
  },
});
