// The Social view's stored shapes, apart from their functions so the schema can name them.
import type { RecordRef } from '../crm/record';
import type { XPost } from '../x/post-view';

/** The CRM record an author is associated with, as the Social view links to it. */
export interface SocialRecord extends RecordRef {
  name: string | null;
  /** The record's page in the CRM; only https, as the content script read it. */
  url: string | null;
}

/**
 * Where a post's author sits in the Social view, by what the CRM knows of them (as Zoho's
 * Social tab sorts them): an associated contact or company is a customer, an associated lead
 * a lead, anyone else a potential contact.
 */
export type SocialColumn = 'customers' | 'leads' | 'potential';

/** A conversation mentions or answers a signed-in account; news is an associated person's post. */
export type SocialKind = 'conversation' | 'news';

/** One post in the Social view, stored once whichever read found it. */
export interface SocialItem {
  /** The post's id: one row per post, so a post found twice is kept once. */
  key: string;
  kind: SocialKind;
  /** The signed-in account (X user id) the post speaks to; null for news. */
  accountId: string | null;
  authorId: string;
  authorName: string;
  authorHandle: string;
  post: XPost;
  column: SocialColumn;
  /** The author's CRM record, when one is associated. */
  record: SocialRecord | null;
  /** When the refresh that found it ran (ms); items of the latest refresh are "new". */
  foundAt: number;
}

/** The newest post id read from one source: `mentions:<account id>` or `news:<X user id>`. */
export interface SocialCursor {
  key: string;
  sinceId: string;
  at: number;
}
