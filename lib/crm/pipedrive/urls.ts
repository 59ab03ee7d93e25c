import type { RecordType, VendorRecordRef } from '../adapter';

/** Every Pipedrive company gets its own subdomain; the subdomain is the tenant. */
export const pipedriveMatches = ['https://*.pipedrive.com/*'];

/** Pipedrive's own subdomains, which are not a customer's company. */
const NOT_COMPANIES = new Set([
  'www',
  'app',
  'api',
  'developers',
  'support',
  'status',
  'marketplace',
  'oauth',
]);
const COMPANY_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.pipedrive\.com$/;

const DETAIL_PATH = /^\/(person|organization)\/(\d{1,12})\/?$/;
/** Leads open in the Leads Inbox, or in the archive once archived, by a UUID. */
const LEAD_PATH =
  /^\/leads\/(?:inbox|archived)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/;

const DETAIL_TYPES: Record<string, RecordType> = { person: 'contact', organization: 'company' };

/** A Pipedrive person, organization or lead page; not deals, not list views. */
export function parsePipedriveRecordUrl(url: URL): VendorRecordRef<'pipedrive'> | undefined {
  const company = COMPANY_HOST.exec(url.hostname)?.[1];
  if (url.protocol !== 'https:' || !company || NOT_COMPANIES.has(company)) return undefined;
  const detail = DETAIL_PATH.exec(url.pathname);
  const type = detail?.[1] && DETAIL_TYPES[detail[1]];
  if (type && detail?.[2]) return { crm: 'pipedrive', tenant: company, type, id: detail[2] };
  const lead = LEAD_PATH.exec(url.pathname)?.[1];
  if (lead) return { crm: 'pipedrive', tenant: company, type: 'lead', id: lead };
  return undefined;
}
