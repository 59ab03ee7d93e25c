import { z } from 'zod';
import type { AccountSummary } from '../store/accounts';
import type { PostOutcome } from '../x/outbox';
import type { PeoplePage } from '../x/service';
import { defineMessages } from './spec';

const xUserId = z.string().regex(/^\d{1,20}$/);
const postId = z.string().regex(/^\d{1,20}$/);
/** The account to act as; the default account when absent. */
const accountId = xUserId.nullable().optional();
const typed = <T>() => z.custom<T>(() => true);

/** What the user does on X from the panel and popup. Each acts as the chosen or default account. */
export const actionMessages = defineMessages({
  /** The enabled accounts to act as, the default first. */
  actingAccounts: {
    from: ['panel', 'popup'],
    input: z.object({}).strict(),
    output: typed<AccountSummary[]>(),
  },
  personFollow: {
    from: ['panel'],
    input: z.object({ xUserId, follow: z.boolean(), accountId }).strict(),
    output: z.object({ following: z.boolean() }),
  },
  postLike: {
    from: ['panel', 'popup'],
    input: z.object({ postId, undo: z.boolean(), accountId }).strict(),
    output: z.object({ liked: z.boolean() }),
  },
  postRepost: {
    from: ['panel', 'popup'],
    input: z.object({ postId, undo: z.boolean(), accountId }).strict(),
    output: z.object({ reposted: z.boolean() }),
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
        accountId,
        draftId: z.uuid().optional(),
      })
      .strict(),
    output: typed<PostOutcome>(),
  },
  /** One page of followers or following, loaded only on request (each person is a billed read). */
  peoplePage: {
    from: ['panel'],
    input: z
      .object({
        xUserId,
        list: z.enum(['followers', 'following']),
        token: z.string().max(200).nullable().optional(),
        accountId,
      })
      .strict(),
    output: typed<PeoplePage>(),
  },
  /** Saves the person's original-size profile photo through the browser's downloads. */
  savePhoto: {
    from: ['panel'],
    input: z.object({ xUserId }).strict(),
    output: z.object({ filename: z.string() }),
  },
});
