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
