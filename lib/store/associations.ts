import type { IDBPDatabase } from 'idb';
import { type RecordRef, recordKey } from '../crm/record';
import type { Association, XCrmDb } from './schema';

type Db = IDBPDatabase<XCrmDb>;

export async function getAssociation(db: Db, ref: RecordRef): Promise<Association | null> {
  return (await db.get('associations', recordKey(ref))) ?? null;
}

export async function putAssociation(db: Db, association: Omit<Association, 'key'>): Promise<Association> {
  const stored = { ...association, key: recordKey(association) };
  await db.put('associations', stored);
  return stored;
}

export async function deleteAssociation(db: Db, ref: RecordRef): Promise<void> {
  await db.delete('associations', recordKey(ref));
}

/** Every association, for @-completion and export. */
export async function listAssociations(db: Db): Promise<Association[]> {
  return db.getAll('associations');
}
