import type { RecordType, VendorRecordRef } from '../adapter';

/**
 * HubSpot serves its app from app.hubspot.com and one host per data centre. They are named
 * one by one: a *.hubspot.com pattern would also run on HubSpot's website, blog and docs.
 */
const APP_HOSTS = ['app', 'app-eu1', 'app-na2', 'app-na3', 'app-ap1'];
export const hubspotMatches = APP_HOSTS.map((host) => `https://${host}.hubspot.com/*`);

const APP_HOST = /^app(?:-[a-z]{2,3}\d{1,2})?\.hubspot\.com$/;

/** HubSpot's object type ids: 0-1 contacts, 0-2 companies, 0-136 the Leads object. */
const OBJECT_TYPES: Record<string, RecordType> = { '0-1': 'contact', '0-2': 'company', '0-136': 'lead' };
const LEGACY_TYPES: Record<string, RecordType> = { contact: 'contact', company: 'company' };

/** The current record page, optionally on one of its tabs (/view/2). */
const RECORD_PATH = /^\/contacts\/(\d{1,12})\/record\/(0-1|0-2|0-136)\/(\d{1,20})(?:\/view\/\d{1,3})?\/?$/;
/** The pre-2022 record pages, still reached from old links and HubSpot's own emails. */
const LEGACY_PATH = /^\/contacts\/(\d{1,12})\/(contact|company)\/(\d{1,20})\/?$/;

/** A HubSpot contact, lead or company record page; the portal id is the tenant. */
export function parseHubspotRecordUrl(url: URL): VendorRecordRef<'hubspot'> | undefined {
  if (url.protocol !== 'https:' || !APP_HOST.test(url.hostname)) return undefined;
  const current = RECORD_PATH.exec(url.pathname);
  const legacy = current ? null : LEGACY_PATH.exec(url.pathname);
  const [, portal, object, id] = current ?? legacy ?? [];
  const type = object && (current ? OBJECT_TYPES[object] : LEGACY_TYPES[object]);
  if (!portal || !type || !id) return undefined;
  return { crm: 'hubspot', tenant: portal, type, id };
}

export const hubspotExamples = [
  'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801',
  'https://app.hubspot.com/contacts/21436587/record/0-136/98765432101/',
  'https://app.hubspot.com/contacts/21436587/record/0-2/18273645501',
  'https://app-eu1.hubspot.com/contacts/143928374/record/0-1/7301',
  'https://app-eu1.hubspot.com/contacts/143928374/record/0-2/9110022334?eschref=%2Fcontacts%2F143928374%2Fobjects%2F0-2',
  'https://app-na2.hubspot.com/contacts/242000111/record/0-136/30000000001/view/1',
  'https://app-ap1.hubspot.com/contacts/442000123/record/0-1/1001',
  'https://app.hubspot.com/contacts/62515/contact/1751',
  'https://app.hubspot.com/contacts/62515/company/184789011',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const hubspotLookAlikes = [
  'https://app.hubspot.com/contacts/21436587/objects/0-1/views/all/list',
  'https://app.hubspot.com/contacts/21436587/record/0-3/51234567801',
  'https://www.hubspot.com/contacts/21436587/record/0-1/51234567801',
  'https://knowledge.hubspot.com/contacts/21436587/record/0-1/51234567801',
  'https://app.hubspot.com.evil.example/contacts/21436587/record/0-1/51234567801',
  'https://hubspot.com.evil.example/contacts/1/record/0-1/2',
] as const;
