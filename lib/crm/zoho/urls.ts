import type { RecordType, VendorRecordRef } from '../adapter';

/** Zoho CRM's data centres, and Zoho One which embeds CRM under its own host. */
const CRM_HOSTS = [
  'crm.zoho.com',
  'crm.zoho.eu',
  'crm.zoho.in',
  'crm.zoho.com.au',
  'crm.zoho.jp',
  'crm.zoho.com.cn',
  'crm.zoho.sa',
  'crm.zoho.uk',
  'crm.zohocloud.ca',
] as const;
const ONE_HOSTS = CRM_HOSTS.map((host) => host.replace(/^crm\./, 'one.'));

export const zohoMatches = [...CRM_HOSTS, ...ONE_HOSTS].map((host) => `https://${host}/*`);

/** Module names in Zoho URLs are internal API names, not the labels the user sees. */
const MODULE_TYPES: Record<string, RecordType> = { Leads: 'lead', Contacts: 'contact', Accounts: 'company' };

const CRM_PATH = /^\/crm\/(?:(org\d+)\/)?tab\/(Leads|Contacts|Accounts)\/(\d{5,25})\/?$/;
const ONE_PATH =
  /^\/zohoone\/[^/]+\/home\/cxapp\/crm\/(org\d+)\/tab\/(Leads|Contacts|Accounts)\/(\d{5,25})\/?$/;

/**
 * The data centre a Zoho CRM or Zoho One host belongs to (`zoho.com`, `zoho.eu`,
 * `zohocloud.ca`…), or undefined for any other host.
 */
export function zohoDataCentre(host: string): string | undefined {
  const lower = host.toLowerCase();
  if (!(CRM_HOSTS as readonly string[]).includes(lower) && !ONE_HOSTS.includes(lower)) return undefined;
  return lower.replace(/^(?:crm|one)\./, '');
}

/** The data centre of Zoho's first and largest, the default when an org's is not known. */
export const ZOHO_DEFAULT_DATA_CENTRE = 'zoho.com';

/**
 * Today's tenant for a Zoho record keyed by an earlier version, or by a backup file: such keys
 * named the org (`org123456`) or, for single-org users, the CRM host. An org id does not say
 * which data centre it lives on, so `orgDataCentre` gives it when the caller knows it (from a
 * record address seen in that org), else Zoho's default data centre is assumed. Undefined for
 * anything that is neither an org id, a Zoho host nor a data centre.
 */
export function zohoTenantFromLegacy(tenant: string, orgDataCentre?: string): string | undefined {
  const lower = tenant.trim().toLowerCase();
  if (CRM_HOSTS.some((host) => host.replace(/^crm\./, '') === lower)) return lower;
  const fromHost = zohoDataCentre(lower);
  if (fromHost) return fromHost;
  if (/^org\d{1,20}$/.test(lower)) return orgDataCentre ?? ZOHO_DEFAULT_DATA_CENTRE;
  return undefined;
}

/** The org id (`org123456`) a Zoho record address names, when it names one. */
export function zohoOrgOf(url: URL): string | undefined {
  return /\/crm\/(org\d+)\/tab\//.exec(url.pathname)?.[1];
}

/**
 * A Zoho CRM lead, contact or account detail page; not list views, not convert or edit pages.
 * The tenant is the data centre, not the org: one record opens with the org in its path, without
 * it (single-org users) and inside Zoho One, and record ids are unique within a data centre
 * (Zoho's record ids are minted per data centre, never reused across its orgs), so the data
 * centre and the id name the record however it was opened.
 */
export function parseZohoRecordUrl(url: URL): VendorRecordRef<'zoho'> | undefined {
  const host = url.hostname;
  const isCrmHost = (CRM_HOSTS as readonly string[]).includes(host);
  const match = isCrmHost
    ? CRM_PATH.exec(url.pathname)
    : ONE_HOSTS.includes(host)
      ? ONE_PATH.exec(url.pathname)
      : null;
  if (!match || url.protocol !== 'https:') return undefined;
  const [, , module, id] = match;
  const type = module && MODULE_TYPES[module];
  const dataCentre = zohoDataCentre(host);
  if (!type || !id || !dataCentre) return undefined;
  return { crm: 'zoho', tenant: dataCentre, type, id };
}
