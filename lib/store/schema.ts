import type { DBSchema } from 'idb';
import type { RecordRef } from '../crm/record';
import type { SocialCursor, SocialItem } from './social-types';

/** How an association was made: by choosing a search result, typing a handle, or from the CRM's field. */
export type AssociationSource = 'search' | 'handle' | 'crm-field' | 'import';

/** A CRM record tied to an X person. The X user id is the identity; the handle is a label that can change. */
export interface Association extends RecordRef {
  /** recordKey(ref): crm/tenant/type/id. */
  key: string;
  xUserId: string;
  handle: string;
  source: AssociationSource;
  createdAt: number;
  /** The X account (user id) that was acting when it was made. */
  byAccount: string | null;
  /** The record's name, company and address as the CRM page showed them; absent on rows made before they were kept. */
  recordName?: string;
  company?: string;
  url?: string;
}

export type AuthKind = 'oauth1' | 'oauth2';

/** An X account the extension acts as. Tokens live only here, in the background's database. */
export interface Account {
  xUserId: string;
  /** The name the admin gave it in the manager. */
  name: string;
  handle: string;
  avatarUrl: string;
  authKind: AuthKind;
  enabled: boolean;
  isDefault: boolean;
  needsSignIn: boolean;
  /**
   * The admin said this X user owns the X developer app the keys belong to, so X bills its
   * reads of its own posts, mentions, followers and following as Owned Reads. Absent: no.
   */
  ownsApp?: boolean;
  oauth1?: { token: string; tokenSecret: string };
  oauth2?: { accessToken: string; refreshToken: string | null; expiresAt: number; scope: string };
}

export interface CachedEntry {
  /** `user:<id>`, `posts:<userId>` and the like. */
  key: string;
  value: unknown;
  fetchedAt: number;
  /** The shape `value` was stored in (XCache's CACHE_SHAPE); absent before shapes were numbered. */
  shape?: number;
}

export interface Draft {
  id: string;
  text: string;
  replyToPostId: string | null;
  accountId: string | null;
  updatedAt: number;
  /** Why X refused this text when it was posted, until the text is edited. */
  problem?: string | null;
}

export interface OutboxItem extends Draft {
  /** Why the last send failed, in words for the user. */
  lastError: string;
  attempts: number;
  /**
   * When the first send began: a post X made from an unclear failure is at X after this,
   * which is how a retry finds it instead of posting twice.
   */
  firstAttemptAt: number;
}

export interface UsageEntry {
  /** `<UTC day>/<account id>/<billable resource>`: one resource counts once a day, as X bills. */
  key: string;
  day: string;
  accountId: string;
  operation: string;
  costUsd: number;
  at: number;
}

/** The X app's credentials the admin entered (or policy pushed). One row, id 'app'. */
export interface AppKeys {
  id: 'app';
  consumerKey: string;
  consumerSecret: string;
  /** OAuth 2.0 (PKCE) client id; public, no secret. */
  clientId: string;
  /** When the pair last passed a request-token call at X. */
  verifiedAt: number | null;
}

export interface XCrmDb extends DBSchema {
  appKeys: { key: string; value: AppKeys };
  associations: { key: string; value: Association; indexes: { byXUserId: string; byHandle: string } };
  accounts: { key: string; value: Account };
  cache: { key: string; value: CachedEntry };
  drafts: { key: string; value: Draft; indexes: { byUpdatedAt: number } };
  outbox: { key: string; value: OutboxItem };
  usage: { key: string; value: UsageEntry; indexes: { byDay: string } };
  /** Settings and user rules by name; values are checked with their schema on every read. */
  settings: { key: string; value: unknown };
  /** The Social view's posts, one row per post, and where each source was last read up to. */
  socialItems: { key: string; value: SocialItem; indexes: { byFoundAt: number } };
  socialCursors: { key: string; value: SocialCursor };
}
