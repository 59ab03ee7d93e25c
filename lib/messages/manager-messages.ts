import { z } from 'zod';
import { defineMessages } from './spec';

const empty = z.object({}).strict();
const xUserId = z.string().regex(/^\d{1,20}$/);

export const AccountSummary = z.object({
  xUserId: z.string(),
  name: z.string(),
  handle: z.string(),
  avatarUrl: z.string(),
  authKind: z.enum(['oauth1', 'oauth2']),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  needsSignIn: z.boolean(),
  ownsApp: z.boolean(),
});

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

export const ManagerState = z.object({
  policy: PolicyView,
  keys: KeysView.nullable(),
  accounts: z.array(AccountSummary),
});
export type ManagerState = z.infer<typeof ManagerState>;

const key = z.string().trim().max(200);

/** The PIN X shows after "Authorize app" (seven digits today). */
export const Pin = z
  .string()
  .trim()
  .regex(/^\d{4,10}$/);

/** Messages of the integration manager (the options page). Only it may send them. */
export const managerMessages = defineMessages({
  managerState: { from: ['options'], input: empty, output: ManagerState },
  /** Adds or edits the keys; an empty secret keeps the recorded one. Never deletes. */
  keysSave: {
    from: ['options'],
    input: z.object({ consumerKey: key.min(1), consumerSecret: key, clientId: key }).strict(),
    output: ManagerState,
  },
  /** Maintenance only: the typed confirmation must be the word DELETE. */
  keysDelete: {
    from: ['options'],
    input: z.object({ confirm: z.literal('DELETE') }).strict(),
    output: ManagerState,
  },
  /** "Next" in the Add wizard: opens X's authorize page in a tab. */
  accountAddStart: {
    from: ['options'],
    input: z.object({ name: z.string().trim().min(1).max(80) }).strict(),
    output: z.object({ authorizeUrl: z.string() }),
  },
  /** "Finish" in the Add wizard. */
  accountAddFinish: {
    from: ['options'],
    input: z.object({ pin: Pin }).strict(),
    output: z.object({ account: AccountSummary, state: ManagerState }),
  },
  /** "Sign in with X": OAuth 2.0 with PKCE in the browser's auth window. */
  accountAddOauth2: {
    from: ['options'],
    input: z.object({ name: z.string().trim().min(1).max(80) }).strict(),
    output: z.object({ account: AccountSummary, state: ManagerState }),
  },
  accountUpdate: {
    from: ['options'],
    input: z
      .object({
        xUserId,
        enabled: z.boolean().optional(),
        isDefault: z.literal(true).optional(),
        name: z.string().trim().min(1).max(80).optional(),
        /** This account owns the X app: its own reads are Owned Reads. */
        ownsApp: z.boolean().optional(),
      })
      .strict(),
    output: ManagerState,
  },
  /** Revokes at X, then removes; `revoked` is false when X could not be reached. */
  accountDelete: {
    from: ['options'],
    input: z.object({ xUserId }).strict(),
    output: z.object({ revoked: z.boolean(), state: ManagerState }),
  },
});
