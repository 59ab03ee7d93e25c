import type { VendorRecordRef } from './adapter';
import { crmVendors } from './registry';

/** The id of a built-in CRM. */
export type BuiltInCrmId = (typeof crmVendors)[number]['id'];

/** Chrome match patterns for every built-in CRM's hosts: the manifest's and the sender check's. */
export const crmHostPatterns: readonly string[] = crmVendors.flatMap((vendor) => vendor.matches);

/** True when the URL is on a host the content script is allowed to run on. */
export function isCrmHostUrl(url: URL): boolean {
  return url.protocol === 'https:' && crmHostPatterns.some((pattern) => matchesHostPattern(pattern, url));
}

/** The record a URL names on any built-in CRM, or undefined. */
export function parseCrmRecordUrl(url: URL): VendorRecordRef<BuiltInCrmId> | undefined {
  for (const vendor of crmVendors) {
    const ref: VendorRecordRef<BuiltInCrmId> | undefined = vendor.parseRecordUrl(url);
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
