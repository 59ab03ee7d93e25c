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

export const zohoExamples = [
  'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
  'https://crm.zoho.com/crm/tab/Leads/4876876000000333001',
  'https://crm.zoho.eu/crm/org20071234/tab/Contacts/5725767000000419001',
  'https://crm.zoho.in/crm/org60012345/tab/Accounts/2401386000000112007',
  'https://crm.zoho.com.au/crm/org7001234/tab/Leads/8765430000000100002',
  'https://crm.zoho.jp/crm/org90012345/tab/Contacts/1234560000000001001/',
  'https://crm.zoho.com.cn/crm/org555/tab/Leads/3030300000000123456',
  'https://crm.zohocloud.ca/crm/org110000123/tab/Accounts/6060600000000654321',
  'https://crm.zoho.sa/crm/org333/tab/Contacts/7070700000000111222?sub_module=Activities',
  'https://one.zoho.com/zohoone/acme/home/cxapp/crm/org123456/tab/Leads/4876876000000333002',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const zohoLookAlikes = [
  'https://crm.zoho.com/crm/org123456/tab/Leads/listview',
  'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001/convert',
  'https://crm.zoho.com/crm/org123456/tab/Leads/create',
  'https://crm.zoho.com/crm/org123456/tab/Potentials/4876876000000333001',
  'https://crm.zoho.com.evil.example/crm/org123456/tab/Leads/4876876000000333001',
  'http://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
  'https://crm.zoho.com/crm/org123456/tab/Home/begin',
  'https://www.zoho.com/crm/tab/Leads/4876876000000333001',
] as const;
