import { z } from 'zod';
import type { AccountSummary } from '../store/accounts';
import type { XSearchPost } from '../x/answer-types';
import { empty, xUserId } from './fields';
import { ManagerState } from './manager-state';
import { defineMessages, typed } from './spec';

/** The PIN X shows after "Authorize app" (seven digits today). */
export const Pin = z
  .string()
  .trim()
  .regex(/^\d{4,10}$/);

const accountName = z.string().trim().min(1).max(80);
const signedIn = z.object({ account: typed<AccountSummary>(), state: ManagerState });

/**
 * The X accounts the extension acts as: added, signed in again, edited, tested and deleted in
 * the integration manager; chosen to act as in the panel and popup.
 */
export const accountMessages = defineMessages({
  managerState: { from: ['options'], input: empty, output: ManagerState },
  /** The enabled accounts to act as, the default first. */
  actingAccounts: {
    from: ['panel', 'popup'],
    input: empty,
    output: typed<AccountSummary[]>(),
  },
  /** "Next" in the Add wizard: opens X's authorize page in a tab. */
  accountAddStart: {
    from: ['options'],
    input: z.object({ name: accountName }).strict(),
    output: z.object({ authorizeUrl: z.string() }),
  },
  /** "Finish" in the Add wizard. */
  accountAddFinish: { from: ['options'], input: z.object({ pin: Pin }).strict(), output: signedIn },
  /** "Sign in with X": OAuth 2.0 with PKCE in the browser's auth window. */
  accountAddOauth2: { from: ['options'], input: z.object({ name: accountName }).strict(), output: signedIn },
  /** "Sign in again" with the PIN (after accountAddStart): must be the same X user. */
  accountReauthFinish: {
    from: ['options'],
    input: z.object({ xUserId, pin: Pin }).strict(),
    output: signedIn,
  },
  /** "Sign in again with X (OAuth 2.0)": switches the account to OAuth 2.0; same X user only. */
  accountReauthOauth2: { from: ['options'], input: z.object({ xUserId }).strict(), output: signedIn },
  accountUpdate: {
    from: ['options'],
    input: z
      .object({
        xUserId,
        enabled: z.boolean().optional(),
        isDefault: z.literal(true).optional(),
        name: accountName.optional(),
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
  /** "Test": a recent search for the account's own posts, as that account. */
  accountTest: {
    from: ['options'],
    input: z.object({ xUserId }).strict(),
    output: z.object({ query: z.string(), posts: z.array(typed<XSearchPost>()) }),
  },
});
