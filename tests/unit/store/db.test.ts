import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCrmRecordUrl } from '@/lib/crm/hosts';
import { recordKey } from '@/lib/crm/record';
import { DB_VERSION, openDatabase } from '@/lib/store/db';
import type { Association } from '@/lib/store/schema';

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
      'socialCursors',
      'socialItems',
      'usage',
    ]);
  });

  // Each earlier version, with data in it, must reach the current schema without losing it.
  for (let from = 1; from < DB_VERSION; from++) {
    it(`upgrades from version ${from} keeping its data`, async () => {
      const old = await openDatabase(from, NAME);
      await old.put('associations', {
        key: 'hubspot/21436587/lead/1',
        crm: 'hubspot',
        tenant: '21436587',
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
      expect(await upgraded.get('associations', 'hubspot/21436587/lead/1')).toMatchObject({ xUserId: '42' });
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

describe('version 4: one key per Zoho record', () => {
  afterEach(() => deleteDB(NAME));

  const zoho = (tenant: string, id: string, extra: Partial<Association> = {}): Association => ({
    key: `zoho/${tenant}/lead/${id}`,
    crm: 'zoho',
    tenant,
    type: 'lead',
    id,
    xUserId: '42',
    handle: 'maria',
    source: 'search',
    createdAt: 1,
    byAccount: null,
    ...extra,
  });

  async function upgradeWith(rows: Association[]) {
    const old = await openDatabase(2, NAME);
    for (const row of rows) await old.put('associations', row);
    old.close();
    const db = await openDatabase(DB_VERSION, NAME);
    const stored = await db.getAll('associations');
    db.close();
    return new Map(stored.map((row) => [row.key, row]));
  }

  it("moves org- and host-keyed Zoho associations to the key today's addresses give", async () => {
    const withOrg = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
    const withoutOrg = 'https://crm.zoho.com/crm/tab/Leads/4876876000000333001';
    const key = recordKey(parseCrmRecordUrl(new URL(withOrg)) as never);
    expect(recordKey(parseCrmRecordUrl(new URL(withoutOrg)) as never)).toBe(key);

    const stored = await upgradeWith([
      zoho('org123456', '4876876000000333001', { url: withOrg }),
      zoho('crm.zoho.eu', '5725767000000419001'),
      zoho('org20071234', '5725767000000419009', {
        url: 'https://crm.zoho.eu/crm/org20071234/tab/Leads/5725767000000419009',
      }),
      // Same org, no address kept: its data centre is learnt from the row above.
      zoho('org20071234', '5725767000000419010'),
      // An org never seen with an address: Zoho's default data centre.
      zoho('org777', '1111111000000000001'),
      zoho('odd-tenant', '1234567'),
      { ...zoho('x', '1'), crm: 'hubspot', key: 'hubspot/x/lead/1' },
    ]);
    expect([...stored.keys()].sort()).toEqual(
      [
        key,
        'zoho/zoho.eu/lead/5725767000000419001',
        'zoho/zoho.eu/lead/5725767000000419009',
        'zoho/zoho.eu/lead/5725767000000419010',
        'zoho/zoho.com/lead/1111111000000000001',
        'zoho/odd-tenant/lead/1234567',
        'hubspot/x/lead/1',
      ].sort(),
    );
    expect(stored.get(key)).toMatchObject({ tenant: 'zoho.com', xUserId: '42', url: withOrg });
  });

  it('keeps the newer association when two old keys name one record', async () => {
    const stored = await upgradeWith([
      zoho('org123456', '4876876000000333001', {
        url: 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
        handle: 'older',
        createdAt: 10,
      }),
      zoho('crm.zoho.com', '4876876000000333001', { handle: 'newer', createdAt: 20 }),
    ]);
    expect([...stored.values()].map((row) => [row.key, row.handle])).toEqual([
      ['zoho/zoho.com/lead/4876876000000333001', 'newer'],
    ]);
  });
});

describe('version 5: the Social view’s posts and cursors', () => {
  afterEach(() => deleteDB(NAME));

  it('adds the stores to a version 4 database, its associations kept, posts listed by when found', async () => {
    const old = await openDatabase(4, NAME);
    expect([...old.objectStoreNames]).not.toContain('socialItems');
    old.close();
    const upgraded = await openDatabase(5, NAME);
    await upgraded.put('socialCursors', { key: 'mentions:1', sinceId: '42', at: 1 });
    expect(await upgraded.get('socialCursors', 'mentions:1')).toMatchObject({ sinceId: '42' });
    expect([...upgraded.transaction('socialItems').store.indexNames]).toEqual(['byFoundAt']);
    upgraded.close();
  });
});
