import type { PeoplePage } from './answer-types';
import { peopleBill, writeBill } from './metering';
import { USER_FIELDS } from './people';
import { peopleOf } from './people-reads';
import { isOwnedRead, PEOPLE_PAGE_SIZE, PRICE_USD } from './prices';
import type { XCalls } from './x-calls';

/**
 * Follows a person as the chosen account, or unfollows (`follow` false); billed as a write.
 * @throws XError as XCalls.call; `account-unavailable` when the chosen account is gone.
 */
export async function setFollowing(
  x: XCalls,
  targetId: string,
  follow: boolean,
  accountId?: string | null,
): Promise<void> {
  await x.call(
    accountId,
    'write',
    async (client, account) => {
      await (follow
        ? client.v2.follow(account.xUserId, targetId)
        : client.v2.unfollow(account.xUserId, targetId));
    },
    writeBill(follow ? 'follow' : 'unfollow', follow ? PRICE_USD.follow : PRICE_USD.undo),
  );
}

/**
 * One page of `PEOPLE_PAGE_SIZE` of a person's followers or following, never cached: loaded
 * only when the user asks, each person billed as a user read (an Owned Read for the acting
 * account's own lists when it owns the app).
 * @throws XError as XCalls.call.
 */
export async function peoplePage(
  x: XCalls,
  userId: string,
  list: 'followers' | 'following',
  token: string | null,
  accountId?: string | null,
): Promise<PeoplePage> {
  return x.call(
    accountId,
    'read',
    async (client) => {
      const options = {
        max_results: PEOPLE_PAGE_SIZE,
        'user.fields': [...USER_FIELDS],
        ...(token ? { pagination_token: token } : {}),
      };
      const page = await (list === 'followers'
        ? client.v2.followers(userId, options)
        : client.v2.following(userId, options));
      return { people: peopleOf(page.data), nextToken: page.meta?.next_token ?? null };
    },
    (page, account) => peopleBill(page.people, isOwnedRead(account, userId)),
  );
}
