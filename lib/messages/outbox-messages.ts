import { z } from 'zod';
import type { OutboxItem } from '../store/schema';
import type { PostOutcome } from '../x/outbox';
import { defineMessages, typed } from './spec';

const outboxId = z.uuid();

/** A waiting post as the pages show it. */
export type OutboxView = Pick<
  OutboxItem,
  'id' | 'text' | 'replyToPostId' | 'accountId' | 'lastError' | 'attempts' | 'firstAttemptAt' | 'updatedAt'
>;

/**
 * The outbox: posts whose send ended without a clear answer from X. Retrying checks X
 * for the post first, so a post is never sent twice.
 */
export const outboxMessages = defineMessages({
  outboxList: { from: ['popup', 'panel'], input: z.object({}).strict(), output: typed<OutboxView[]>() },
  /** One waiting post (by id), or every one when no id is given. */
  outboxRetry: {
    from: ['popup', 'panel'],
    input: z.object({ id: outboxId.optional() }).strict(),
    output: typed<{ id: string; outcome: PostOutcome | { status: 'failed'; reason: string } }[]>(),
  },
  /** Gives up on a waiting post; it is not sent. */
  outboxDelete: { from: ['popup', 'panel'], input: z.object({ id: outboxId }).strict(), output: z.null() },
});
