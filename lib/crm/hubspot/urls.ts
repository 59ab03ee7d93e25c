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
