import type { IDBPDatabase } from 'idb';
import type { Draft, OutboxItem, XCrmDb } from './schema';

type Db = IDBPDatabase<XCrmDb>;

/** Posts waiting to be sent again, the oldest attempt first (the order they were meant in). */
export async function listOutbox(db: Db): Promise<OutboxItem[]> {
  const items = await db.getAll('outbox');
  return items.sort((a, b) => a.firstAttemptAt - b.firstAttemptAt);
}

export async function getOutboxItem(db: Db, id: string): Promise<OutboxItem | null> {
  return (await db.get('outbox', id)) ?? null;
}

export async function putOutboxItem(db: Db, item: OutboxItem): Promise<void> {
  await db.put('outbox', item);
}

export async function deleteOutboxItem(db: Db, id: string): Promise<void> {
  await db.delete('outbox', id);
}

/**
 * Moves a post that could not be sent from the drafts to the outbox in one transaction, so
 * it is never in both (it could be posted twice) nor in neither (it would be lost).
 */
export async function moveToOutbox(db: Db, item: OutboxItem, draftId: string | null): Promise<void> {
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
  await tx.objectStore('outbox').put(item);
  if (draftId) await tx.objectStore('drafts').delete(draftId);
  await tx.done;
}

/** Gives a post X refused back to the drafts, with X's reason, and takes it out of the outbox. */
export async function returnToDrafts(db: Db, item: OutboxItem, problem: string, now: number): Promise<Draft> {
  const draft: Draft = {
    id: item.id,
    text: item.text,
    replyToPostId: item.replyToPostId,
    accountId: item.accountId,
    updatedAt: now,
    problem,
  };
  const tx = db.transaction(['drafts', 'outbox'], 'readwrite');
  await tx.objectStore('drafts').put(draft);
  await tx.objectStore('outbox').delete(item.id);
  await tx.done;
  return draft;
}

/** Marks a draft with X's reason for refusing it, if the draft is still there. */
export async function markDraftRefused(
  db: Db,
  draftId: string,
  text: string,
  problem: string,
): Promise<void> {
  const tx = db.transaction('drafts', 'readwrite');
  const draft = await tx.store.get(draftId);
  // Only the text X saw: an edit made while it was being sent is no longer what X refused.
  if (draft && draft.text === text) await tx.store.put({ ...draft, problem });
  await tx.done;
}
