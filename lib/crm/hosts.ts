import type { RecordRef } from './record';
import { dynamicsMatches, parseDynamicsRecordUrl } from './dynamics/urls';
import { hubspotMatches, parseHubspotRecordUrl } from './hubspot/urls';
import { odooMatches, parseOdooRecordUrl } from './odoo/urls';
import { parsePipedriveRecordUrl, pipedriveMatches } from './pipedrive/urls';
import { parseSalesforceRecordUrl, salesforceMatches } from './salesforce/urls';
import { parseZohoRecordUrl, zohoMatches } from './zoho/urls';

/**
 * The pure, DOM-free half of every vendor adapter: which hosts the content script runs on
 * and which URLs are records. The manifest and the background's sender checks use this.
 */
const vendors = [
  { matches: zohoMatches, parse: parseZohoRecordUrl },
  { matches: salesforceMatches, parse: parseSalesforceRecordUrl },
  { matches: hubspotMatches, parse: parseHubspotRecordUrl },
  { matches: pipedriveMatches, parse: parsePipedriveRecordUrl },
  { matches: dynamicsMatches, parse: parseDynamicsRecordUrl },
  { matches: odooMatches, parse: parseOdooRecordUrl },
] as const;

/** Manifest match patterns for every built-in CRM host. */
export const crmHostPatterns: readonly string[] = vendors.flatMap((vendor) => vendor.matches);

/** True when the URL is on a host the content script is allowed to run on. */
export function isCrmHostUrl(url: URL): boolean {
  return url.protocol === 'https:' && crmHostPatterns.some((pattern) => matchesHostPattern(pattern, url));
}

/** The record a URL names on any built-in CRM, or undefined. */
export function parseCrmRecordUrl(url: URL): RecordRef | undefined {
  for (const vendor of vendors) {
    const ref = vendor.parse(url);
    if (ref) return ref;
  }
  return undefined;
}

function matchesHostPattern(pattern: string, url: URL): boolean {
  const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!host) return false;
  if (host.startsWith('*.')) return url.hostname.endsWith(host.slice(1));
  return url.hostname === host;
}
