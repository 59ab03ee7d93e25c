import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openDatabase } from '@/lib/store/db';

const NAME = 'x-crm-upgrade-test';

/** Object stores and their indexes, as a comparable picture of a schema. */
async function schemaOf(version: number) {
  const db = await openDatabase(version, NAME);
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  const picture = [...db.objectStoreNames].map((name) => {
    const store = tx.objectStore(name);
    return { name, keyPath: store.keyPath, indexes: [...store.indexNames].sort() };
  });
  db.close();
  return picture;
}

describe('IndexedDB schema', () => {
  afterEach(() => deleteDB(NAME));

  it('creates every store the product keeps', async () => {
    const stores = (await schemaOf(DB_VERSION)).map((store) => store.name);
    expect(stores).toEqual([
      'accounts',
      'appKeys',
      'associations',
      'cache',
      'drafts',
      'outbox',
      'settings',
      'usage',
    ]);
  });

  // Each earlier version, with data in it, must reach the current schema without losing it.
  for (let from = 1; from < DB_VERSION; from++) {
    it(`upgrades from version ${from} keeping its data`, async () => {
      const old = await openDatabase(from, NAME);
      await old.put('associations', {
        key: 'zoho/org1/lead/1',
        crm: 'zoho',
        tenant: 'org1',
        type: 'lead',
        id: '1',
        xUserId: '42',
        handle: 'maria',
        source: 'search',
        createdAt: 1,
        byAccount: null,
      });
      old.close();
      const upgraded = await openDatabase(DB_VERSION, NAME);
      expect(await upgraded.get('associations', 'zoho/org1/lead/1')).toMatchObject({ xUserId: '42' });
      upgraded.close();
      const afterUpgrade = await schemaOf(DB_VERSION);
      await deleteDB(NAME);
      expect(afterUpgrade).toEqual(await schemaOf(DB_VERSION));
    });
  }

  it('gives a fresh install the same schema as an upgrade from nothing', async () => {
    const fromNothing = await schemaOf(DB_VERSION);
    expect(fromNothing.find((store) => store.name === 'associations')?.indexes).toEqual([
      'byHandle',
      'byXUserId',
    ]);
  });
});
