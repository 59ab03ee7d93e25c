import type { IDBPDatabase } from 'idb';
import { t } from '../i18n';
import { actingAccount, getAccount } from '../store/accounts';
import type { Account, XCrmDb } from '../store/schema';
import { XError } from './errors';

/**
 * The account a write (post, follow, like, repost) goes out as: the one the person chose, or
 * the enabled default when they chose none (null). A chosen account that was disabled or
 * deleted since is refused with the reason, never swapped for another: the write would go
 * out under a name the person did not pick. Null when no account is enabled at all.
 *
 * @throws XError `account-unavailable` when the chosen account is disabled or gone.
 */
export async function writingAccount(
  db: IDBPDatabase<XCrmDb>,
  chosen: string | null | undefined,
): Promise<Account | null> {
  if (chosen === null || chosen === undefined) return actingAccount(db, null);
  const account = await getAccount(db, chosen);
  if (!account) throw new XError('account-unavailable', t('xChosenAccountGone'));
  if (!account.enabled)
    throw new XError('account-unavailable', t('xChosenAccountDisabled', `@${account.handle}`));
  return account;
}
