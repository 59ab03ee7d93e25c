import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { recordKey } from '../../crm/record';
import { parseZohoRecordUrl, zohoOrgOf, zohoTenantFromLegacy } from '../../crm/zoho/urls';
import type { Association, XCrmDb } from '../schema';

type UpgradeTransaction = IDBPTransaction<XCrmDb, StoreNames<XCrmDb>[], 'versionchange'>;

/**
 * Earlier versions keyed a Zoho record by its org (`zoho/org123456/lead/…`) when the address
 * had one and by the CRM host (`zoho/crm.zoho.com/lead/…`) when it did not, so one record had
 * two keys. Keys are now by data centre (`zoho/zoho.com/lead/…`). Each stored association is
 * moved to its new key: by the record address it was made on when it kept one, else by what
 * the old tenant says (an org's data centre is learnt from any association of that org that
 * kept an address). When two old keys meet on one new key, the newer association wins.
 * Not reversible: an older version would no longer find these associations.
 */
export async function migrateZohoRecordKeys(_db: IDBPDatabase<XCrmDb>, tx: UpgradeTransaction) {
  const store = tx.objectStore('associations');
  const all = await store.getAll();
  const zoho = all.filter((association) => association.crm === 'zoho');

  const orgDataCentres = new Map<string, string>();
  for (const association of zoho) {
    const url = addressOf(association);
    const org = url && zohoOrgOf(url);
    const ref = url && parseZohoRecordUrl(url);
    if (org && ref) orgDataCentres.set(org, ref.tenant);
  }

  const moved = new Map<string, Association>();
  const oldKeys: string[] = [];
  for (const association of zoho) {
    const url = addressOf(association);
    const fromUrl = url && parseZohoRecordUrl(url);
    const tenant =
      fromUrl && fromUrl.id === association.id
        ? fromUrl.tenant
        : zohoTenantFromLegacy(association.tenant, orgDataCentres.get(association.tenant.toLowerCase()));
    // A tenant we cannot read stays where it is, untouched.
    if (!tenant) continue;
    const key = recordKey({ ...association, tenant });
    if (key === association.key && tenant === association.tenant) continue;
    oldKeys.push(association.key);
    const next = { ...association, tenant, key };
    const rival = moved.get(key) ?? all.find((other) => other.key === key && other.crm === 'zoho');
    if (!rival || next.createdAt >= rival.createdAt) moved.set(key, next);
  }
  for (const key of oldKeys) if (!moved.has(key)) await store.delete(key);
  for (const association of moved.values()) await store.put(association);
}

function addressOf(association: Association): URL | undefined {
  if (!association.url) return undefined;
  try {
    return new URL(association.url);
  } catch {
    return undefined;
  }
}
