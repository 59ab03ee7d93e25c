import { z } from 'zod';
import type { AccountSummary } from '../store/accounts';
import { typed } from './spec';

/** What the manager may see of the keys: the secret only as "recorded". */
export const KeysView = z.object({
  consumerKey: z.string(),
  consumerSecretRecorded: z.boolean(),
  clientId: z.string(),
  verifiedAt: z.number().nullable(),
});

/** What the organisation's policy decides, for the manager to show and lock. */
export const PolicyView = z.object({
  post: z.boolean(),
  follow: z.boolean(),
  engage: z.boolean(),
  locked: z.boolean(),
  allowedCrms: z.array(z.string()).nullable(),
  keysFromPolicy: z.boolean(),
  /**
   * The consumer secret comes from policy: storage.managed, which content scripts can read,
   * so the manager warns the admin.
   */
  secretFromPolicy: z.boolean(),
});

/** The integration manager's whole picture: policy, keys and accounts, answered after each change. */
export const ManagerState = z.object({
  policy: PolicyView,
  keys: KeysView.nullable(),
  accounts: z.array(typed<AccountSummary>()),
});
export type ManagerState = z.infer<typeof ManagerState>;
