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

export const pipedriveExamples = [
  'https://acmerobotics.pipedrive.com/person/1042',
  'https://acmerobotics.pipedrive.com/person/1042/',
  'https://acmerobotics.pipedrive.com/organization/318',
  'https://acmerobotics.pipedrive.com/leads/inbox/5d6a8f20-3c41-11ef-9b1e-3f7c2a1d8e90',
  'https://nordic-sales.pipedrive.com/person/77?tab=activity',
  'https://nordic-sales.pipedrive.com/organization/9001',
  'https://nordic-sales.pipedrive.com/leads/archived/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'https://brasil-vendas.pipedrive.com/person/20451#activity',
  'https://brasil-vendas.pipedrive.com/leads/inbox/c0ffee00-1234-4bcd-9abc-def012345678',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const pipedriveLookAlikes = [
  'https://acmerobotics.pipedrive.com/persons/list',
  'https://acmerobotics.pipedrive.com/deal/12',
  'https://acmerobotics.pipedrive.com/leads/inbox',
  'https://www.pipedrive.com/person/1042',
  'http://acmerobotics.pipedrive.com/person/1042',
  'https://pipedrive.com.evil.example/person/1',
] as const;
