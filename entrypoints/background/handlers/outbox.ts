import type { outboxMessages } from '@/lib/messages/outbox-messages';
import type { HandlersFor } from '@/lib/messages/router';
import { outbox } from '../outbox';

/** The outbox's list, retries and removals, for the popup and the panel. */
export const outboxHandlers: HandlersFor<typeof outboxMessages> = {
  async outboxList() {
    return (await outbox.list()).map(
      ({ id, text, replyToPostId, accountId, lastError, attempts, firstAttemptAt, updatedAt }) => ({
        id,
        text,
        replyToPostId,
        accountId,
        lastError,
        attempts,
        firstAttemptAt,
        updatedAt,
      }),
    );
  },
  async outboxRetry({ id }) {
    if (!id) return outbox.retryAll();
    return [{ id, outcome: await outbox.retry(id) }];
  },
  async outboxDelete({ id }) {
    await outbox.remove(id);
    return null;
  },
};
