import { writeBill } from './metering';
import { PRICE_USD } from './prices';
import type { XCalls } from './x-calls';

/**
 * Likes a post as the chosen account, or takes the like back (`undo`); billed as a write.
 * @throws XError as XCalls.call; `account-unavailable` when the chosen account is gone.
 */
export async function like(
  x: XCalls,
  postId: string,
  undo: boolean,
  accountId?: string | null,
): Promise<void> {
  await x.call(
    accountId,
    'write',
    async (client, account) => {
      await (undo ? client.v2.unlike(account.xUserId, postId) : client.v2.like(account.xUserId, postId));
    },
    writeBill(undo ? 'unlike' : 'like', undo ? PRICE_USD.undo : PRICE_USD.like),
  );
}

/**
 * Reposts a post as the chosen account, or undoes the repost; billed as a write.
 * @throws XError as like.
 */
export async function repost(
  x: XCalls,
  postId: string,
  undo: boolean,
  accountId?: string | null,
): Promise<void> {
  await x.call(
    accountId,
    'write',
    async (client, account) => {
      await (undo
        ? client.v2.unretweet(account.xUserId, postId)
        : client.v2.retweet(account.xUserId, postId));
    },
    writeBill(undo ? 'unrepost' : 'repost', undo ? PRICE_USD.undo : PRICE_USD.repost),
  );
}
