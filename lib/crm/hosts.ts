import type { VendorRecordRef } from './adapter';
import { crmVendors } from './registry';

/** The id of a built-in CRM. */
export type BuiltInCrmId = (typeof crmVendors)[number]['id'];

/** Chrome match patterns for every built-in CRM's hosts: the manifest's and the sender check's. */
export const crmHostPatterns: readonly string[] = crmVendors.flatMap((vendor) => vendor.matches);

/** True when the URL is on a host the content script is allowed to run on. */
export function isCrmHostUrl(url: URL): boolean {
  return isOnHosts(crmHostPatterns, url);
}

/**
 * True when `url` is an https address on a host that one of `patterns` names. Patterns are
 * Chrome match patterns of the form `https://host/*` or `https://*.domain/*` (the vendors'
 * `matches`); any other form matches nothing.
 */
export function isOnHosts(patterns: readonly string[], url: URL): boolean {
  return url.protocol === 'https:' && patterns.some((pattern) => matchesHostPattern(pattern, url.hostname));
}

/** The record a URL names on any built-in CRM, or undefined. */
export function parseCrmRecordUrl(url: URL): VendorRecordRef<BuiltInCrmId> | undefined {
  for (const vendor of crmVendors) {
    const ref: VendorRecordRef<BuiltInCrmId> | undefined = vendor.parseRecordUrl(url);
    if (ref) return ref;
  }
  return undefined;
}

// String operations only: this runs on every CRM page, where a first regular expression
// costs more than the whole check.
function matchesHostPattern(pattern: string, hostname: string): boolean {
  if (!pattern.startsWith('https://') || !pattern.endsWith('/*')) return false;
  const host = pattern.slice('https://'.length, -'/*'.length);
  if (host === '' || host.includes('/')) return false;
  if (host.startsWith('*.')) return hostname.endsWith(host.slice(1));
  return hostname === host;
}
