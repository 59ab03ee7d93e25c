import type { RecordRef, RecordType } from '../record';

/**
 * Dynamics 365 online: crm.dynamics.com in North America, crmN.dynamics.com in the other
 * regions (crm2 South America, crm3 Canada, crm4 EMEA, crm5 APAC, … crm12 France).
 * On-premises servers can sit on any host and are left to a user-added host later.
 */
const REGIONS = ['crm', 'crm2', 'crm3', 'crm4', 'crm5', 'crm6', 'crm7', 'crm8', 'crm9', 'crm11', 'crm12'];
export const dynamicsMatches = REGIONS.map((region) => `https://*.${region}.dynamics.com/*`);

const ORG_HOST = new RegExp(`^[a-z0-9][a-z0-9-]{0,62}\\.(?:${REGIONS.join('|')})\\.dynamics\\.com$`);

const ENTITY_TYPES: Record<string, RecordType> = { lead: 'lead', contact: 'contact', account: 'company' };
/** The legacy web client names the entity by type code instead: 1 account, 2 contact, 4 lead. */
const TYPE_CODES: Record<string, RecordType> = { '1': 'company', '2': 'contact', '4': 'lead' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Record GUIDs arrive as {ABC…}, %7BABC…%7D or bare, in either case; keys use one form. */
export function normalizeDynamicsGuid(raw: string): string | undefined {
  const guid = raw
    .trim()
    .replace(/^\{(.*)\}$/, '$1')
    .toLowerCase();
  return GUID.test(guid) ? guid : undefined;
}

/** A Dynamics 365 lead, contact or account form; not views, dashboards or new-record forms. */
export function parseDynamicsRecordUrl(url: URL): RecordRef | undefined {
  if (url.protocol !== 'https:' || !ORG_HOST.test(url.hostname)) return undefined;
  if (url.pathname !== '/main.aspx' && !url.pathname.endsWith('/main.aspx')) return undefined;
  // Dynamics itself treats parameter names case-insensitively (etn, ETN and Etn all occur).
  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) params.set(key.toLowerCase(), value);
  if (params.get('pagetype')?.toLowerCase() !== 'entityrecord') return undefined;
  const etn = params.get('etn')?.toLowerCase();
  const type = etn ? ENTITY_TYPES[etn] : TYPE_CODES[params.get('etc') ?? ''];
  const id = normalizeDynamicsGuid(params.get('id') ?? '');
  if (!type || !id) return undefined;
  return { crm: 'dynamics', tenant: url.hostname, type, id };
}

/** The entity logical name of a record type, as it appears in the form's data attributes. */
export function dynamicsEntityName(type: RecordType): string {
  return type === 'company' ? 'account' : type;
}

export const dynamicsExamples = [
  'https://contoso.crm.dynamics.com/main.aspx?appid=7b1e4a2c-9f3d-4e8a-b5c6-0d1e2f3a4b5c&pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=%7B0F6E2B9A-1C3D-4E5F-8A7B-9C0D1E2F3A4B%7D',
  'https://contoso.crm.dynamics.com/main.aspx?appname=sales&pagetype=entityrecord&etn=account&id={A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D}',
  'https://fabrikam.crm4.dynamics.com/main.aspx?appid=11111111-2222-4333-8444-555555555555&forceUCI=1&pagetype=entityrecord&etn=contact&id=c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
  'https://fabrikam.crm4.dynamics.com/main.aspx?etc=4&id=%7b9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b%7d&pagetype=entityrecord',
  'https://northwind.crm11.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=0d9c8b7a-6f5e-4d4c-9b3a-2f1e0d9c8b7a&navbar=off',
  'https://northwind.crm3.dynamics.com/main.aspx?appid=aa00bb11-cc22-4d33-8e44-ff5566778899&pagetype=entityrecord&etn=account&id=1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b&formid=8448b78f-8f42-454e-8e2a-f8196b0419af',
  'https://tailspin.crm12.dynamics.com/main.aspx?PageType=EntityRecord&ETN=Lead&ID=%7B2B3C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D6E%7D',
] as const;
