import type { IDBPDatabase } from 'idb';
import type { RecordRef } from '../crm/record';
import type { Association, XCrmDb } from './schema';

type Db = IDBPDatabase<XCrmDb>;

/** Someone the composer can @-mention because a CRM record is associated with them. */
export interface MentionCandidate {
  xUserId: string;
  handle: string;
  /** The record's name, when the association was made after names were kept. */
  name: string | null;
  company: string | null;
}

/** The CRM record an X person is associated with, as a search result shows it. */
export interface CrmRecordLink extends RecordRef {
  name: string | null;
  /** The record's page in the CRM; only https, as the content script read it. */
  url: string | null;
}

/** Lower case without accents, so "jose" finds "José". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The newest association per person: a handle can change, and the newest knows it best. */
function newestPerPerson(associations: readonly Association[]): Association[] {
  const newest = new Map<string, Association>();
  for (const association of associations) {
    const known = newest.get(association.xUserId);
    if (!known || association.createdAt > known.createdAt) newest.set(association.xUserId, association);
  }
  return [...newest.values()];
}

/**
 * People from the CRM whose handle, or a word of whose record name, starts with `prefix`:
 * handles first, then by name. Read from the database alone; nothing is asked of X.
 */
export async function mentionCandidates(db: Db, prefix: string, limit = 8): Promise<MentionCandidate[]> {
  const wanted = fold(prefix);
  if (!wanted) return [];
  const people = newestPerPerson(await db.getAll('associations'));
  const scored = people.flatMap((association) => {
    const byHandle = association.handle.toLowerCase().startsWith(wanted);
    const byName = fold(association.recordName ?? '')
      .split(/[\s\-'’.]+/)
      .some((word) => word.startsWith(wanted));
    if (!byHandle && !byName) return [];
    return [{ association, rank: byHandle ? 0 : 1 }];
  });
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.association.recordName ?? a.association.handle).localeCompare(
        b.association.recordName ?? b.association.handle,
      ),
  );
  return scored.slice(0, limit).map(({ association }) => ({
    xUserId: association.xUserId,
    handle: association.handle,
    name: association.recordName ?? null,
    company: association.company ?? null,
  }));
}

/** For each X person who has one, the CRM record associated with them (the newest). */
export async function recordsOfPeople(
  db: Db,
  xUserIds: readonly string[],
): Promise<Map<string, CrmRecordLink>> {
  const tx = db.transaction('associations');
  const index = tx.store.index('byXUserId');
  const found = new Map<string, CrmRecordLink>();
  for (const xUserId of new Set(xUserIds)) {
    const [association] = newestPerPerson(await index.getAll(xUserId));
    if (!association) continue;
    found.set(xUserId, {
      crm: association.crm,
      tenant: association.tenant,
      type: association.type,
      id: association.id,
      name: association.recordName ?? null,
      url: association.url && /^https:\/\//i.test(association.url) ? association.url : null,
    });
  }
  await tx.done;
  return found;
}
