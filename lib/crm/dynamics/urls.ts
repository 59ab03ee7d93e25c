import type { RecordType, VendorRecordRef } from '../adapter';

/**
 * Every host root Dynamics 365 online serves organisations under, as `<org>.<root>`:
 * Microsoft's "Power Platform and Dynamics 365 datacenter regions" table
 * (https://learn.microsoft.com/power-platform/admin/new-datacenter-regions) and, for the
 * sovereign clouds, "Dynamics 365 US Government" (GCC High, DoD) and the 21Vianet China
 * cloud, as the Dataverse client's discovery server list names them. crm10 is Microsoft's
 * pre-production ring and crm.microsoftdynamics.de (Microsoft Cloud Germany) closed in 2021:
 * neither holds a customer's records. On-premises servers sit on any host: a user rule.
 */
const ORG_ROOTS = [
  'crm.dynamics.com', // North America
  'crm2.dynamics.com', // South America
  'crm3.dynamics.com', // Canada
  'crm4.dynamics.com', // Europe, Middle East, Africa
  'crm5.dynamics.com', // Asia Pacific
  'crm6.dynamics.com', // Oceania
  'crm7.dynamics.com', // Japan
  'crm8.dynamics.com', // India
  'crm9.dynamics.com', // North America 2: US Government Community Cloud (GCC)
  'crm11.dynamics.com', // United Kingdom
  'crm12.dynamics.com', // France
  'crm14.dynamics.com', // South Africa
  'crm15.dynamics.com', // United Arab Emirates
  'crm16.dynamics.com', // Germany
  'crm17.dynamics.com', // Switzerland
  'crm19.dynamics.com', // Norway
  'crm20.dynamics.com', // Singapore
  'crm21.dynamics.com', // Korea
  'crm22.dynamics.com', // Sweden
  'crm.microsoftdynamics.us', // US Government GCC High
  'crm.appsplatform.us', // US Government DoD
  'crm.dynamics.cn', // China, operated by 21Vianet
] as const;
export const dynamicsMatches = ORG_ROOTS.map((root) => `https://*.${root}/*`);

const ORG_HOST = new RegExp(
  `^[a-z0-9][a-z0-9-]{0,62}\\.(?:${ORG_ROOTS.map((root) => root.replace(/\./g, '\\.')).join('|')})$`,
);

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
export function parseDynamicsRecordUrl(url: URL): VendorRecordRef<'dynamics'> | undefined {
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
  'https://contoso.crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://alpine-sales.crm17.dynamics.com/main.aspx?appid=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d&pagetype=entityrecord&etn=contact&id=7c6b5a49-3827-4165-9f4e-3d2c1b0a9f8e',
  'https://seoul-trading.crm21.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
  'https://county-services.crm9.dynamics.com/main.aspx?appid=5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e&pagetype=entityrecord&etn=contact&id=9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  'https://agency.crm.microsoftdynamics.us/main.aspx?pagetype=entityrecord&etn=lead&id=4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
  'https://command.crm.appsplatform.us/main.aspx?pagetype=entityrecord&etn=account&id={6F7A8B9C-0D1E-4F2A-9B3C-4D5E6F7A8B9C}',
  'https://shanghai-mfg.crm.dynamics.cn/main.aspx?pagetype=entityrecord&etn=contact&id=8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const dynamicsLookAlikes = [
  'https://contoso.crm.dynamics.com/main.aspx?appid=7b1e4a2c-9f3d-4e8a-b5c6-0d1e2f3a4b5c&pagetype=entitylist&etn=lead&viewid=00000000-0000-0000-00aa-000010001003',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm.dynamics.com/main.aspx?pagetype=dashboard&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  // Not regions: Microsoft's pre-production ring, numbers never used, look-alike hosts.
  'https://contoso.crm10.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm13.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm140.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm14.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm14-dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.api.crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://agency.crm.microsoftdynamics.us.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://agency.crm.dynamics.us/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.dynamics.cn/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'http://contoso.crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
  'https://contoso.crm.microsoftdynamics.de/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
] as const;
