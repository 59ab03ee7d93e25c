import type { ManagerState } from '@/lib/messages/manager-state';
import { listAccounts, summarize } from '@/lib/store/accounts';
import { effectiveAppKeys } from '@/lib/store/app-keys';
import { database } from '@/lib/store/db';
import { permissionsOf, readPolicy } from '@/lib/store/policy';

/** The manager's picture after any change of keys or accounts. Tokens and the secret stay here. */
export async function managerState(): Promise<ManagerState> {
  const db = await database();
  const keys = await effectiveAppKeys(db);
  const policy = await readPolicy();
  return {
    policy: {
      ...permissionsOf(policy),
      keysFromPolicy: Boolean(policy.consumerKey || policy.clientId),
      secretFromPolicy: Boolean(policy.consumerSecret),
    },
    keys: keys && {
      consumerKey: keys.consumerKey,
      consumerSecretRecorded: keys.consumerSecret.length > 0,
      clientId: keys.clientId,
      verifiedAt: keys.verifiedAt,
    },
    accounts: (await listAccounts(db)).map(summarize),
  };
}
