import type { RecordRef, RecordType } from '../record';

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

/** A Zoho CRM lead, contact or account detail page; not list views, not convert or edit pages. */
export function parseZohoRecordUrl(url: URL): RecordRef | undefined {
  const host = url.hostname;
  const isCrmHost = (CRM_HOSTS as readonly string[]).includes(host);
  const match = isCrmHost
    ? CRM_PATH.exec(url.pathname)
    : ONE_HOSTS.includes(host)
      ? ONE_PATH.exec(url.pathname)
      : null;
  if (!match || url.protocol !== 'https:') return undefined;
  const [, org, module, id] = match;
  const type = module && MODULE_TYPES[module];
  if (!type || !id) return undefined;
  // Without an org segment the user has a single org; the data centre host then names it.
  return { crm: 'zoho', tenant: org ?? host, type, id };
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
