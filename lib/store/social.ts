import type { IDBPDatabase } from 'idb';
import type { XCrmDb } from './schema';
import type { SocialItem } from './social-types';

export type { SocialColumn, SocialCursor, SocialItem, SocialKind, SocialRecord } from './social-types';

type Db = IDBPDatabase<XCrmDb>;

/** The posts of the Social view, newest first by when X made them. */
export async function listSocialItems(db: Db): Promise<SocialItem[]> {
  const items = await db.getAll('socialItems');
  return items.sort((a, b) => compareIds(b.key, a.key));
}

/**
 * Stores the items not stored yet and returns them; an item already there (the same post
 * found by another read) is left as it was.
 */
export async function addSocialItems(db: Db, items: readonly SocialItem[]): Promise<SocialItem[]> {
  const tx = db.transaction('socialItems', 'readwrite');
  const added: SocialItem[] = [];
  for (const item of items) {
    if (await tx.store.getKey(item.key)) continue;
    await tx.store.put(item);
    added.push(item);
  }
  await tx.done;
  return added;
}

/** The since_id of each source that has one, by key. */
export async function socialCursors(db: Db): Promise<Map<string, string>> {
  return new Map((await db.getAll('socialCursors')).map((cursor) => [cursor.key, cursor.sinceId]));
}

/** Moves sources on to `sinceId`, never back: an older id would read posts again. */
export async function advanceSocialCursors(db: Db, keys: readonly string[], sinceId: string, at: number) {
  const tx = db.transaction('socialCursors', 'readwrite');
  for (const key of keys) {
    const known = await tx.store.get(key);
    if (known && compareIds(known.sinceId, sinceId) >= 0) continue;
    await tx.store.put({ key, sinceId, at });
  }
  await tx.done;
}

/** Orders X's snowflake ids (decimal strings of up to 19 digits) by value. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
