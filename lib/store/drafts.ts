import type { IDBPDatabase } from 'idb';
import type { Draft, XCrmDb } from './schema';

type Db = IDBPDatabase<XCrmDb>;

/** The longest draft kept: well past a post's 280, so nothing typed while editing is cut. */
export const MAX_DRAFT_LENGTH = 10_000;

/** What the composer hands over to keep; without an id a new draft is made. */
export interface DraftInput {
  id?: string;
  text: string;
  replyToPostId?: string | null;
  accountId?: string | null;
}

/**
 * Creates or updates a draft and returns it as stored. An id the store does not hold is
 * taken as given, so a draft deleted in another window comes back rather than being lost.
 */
export async function saveDraft(db: Db, input: DraftInput, now: number = Date.now()): Promise<Draft> {
  const tx = db.transaction('drafts', 'readwrite');
  const existing = input.id ? await tx.store.get(input.id) : undefined;
  const draft: Draft = {
    id: input.id ?? crypto.randomUUID(),
    text: input.text,
    replyToPostId:
      input.replyToPostId !== undefined ? input.replyToPostId : (existing?.replyToPostId ?? null),
    accountId: input.accountId !== undefined ? input.accountId : (existing?.accountId ?? null),
    // X's reason for refusing the text stays only while the text is the one it refused.
    problem: existing && existing.text === input.text ? (existing.problem ?? null) : null,
    // Strictly increasing, so "newest first" holds even for two saves in one millisecond.
    updatedAt: Math.max(now, (existing?.updatedAt ?? 0) + 1),
  };
  await tx.store.put(draft);
  await tx.done;
  return draft;
}

/** All drafts, the most recently edited first. */
export async function listDrafts(db: Db): Promise<Draft[]> {
  return (await db.getAllFromIndex('drafts', 'byUpdatedAt')).reverse();
}

/** The most recently edited draft, read without loading the others (the popup opens on it). */
export async function latestDraft(db: Db): Promise<Draft | null> {
  const cursor = await db.transaction('drafts').store.index('byUpdatedAt').openCursor(null, 'prev');
  return cursor?.value ?? null;
}

export async function getDraft(db: Db, id: string): Promise<Draft | null> {
  return (await db.get('drafts', id)) ?? null;
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.delete('drafts', id);
}
