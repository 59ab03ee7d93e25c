import type { CrmPage, VendorRecordRef } from './adapter';
import { type BuiltInCrmId, isOnHosts } from './hosts';
import { crmVendors } from './registry';

/** The built-in CRM and record a URL names, or undefined when it is not a record page. */
export function detectRecordPage(
  url: URL,
): { page: CrmPage<BuiltInCrmId>; ref: VendorRecordRef<BuiltInCrmId> } | undefined {
  for (const vendor of crmVendors) {
    // Each vendor's reader is asked only on its own hosts: the check is a few string
    // comparisons, where the readers' patterns are compiled on their first use, on every page.
    if (!isOnHosts(vendor.matches, url)) continue;
    const page = vendor as CrmPage<BuiltInCrmId>;
    const ref = page.parseRecordUrl(url);
    if (ref) return { page, ref };
  }
  return undefined;
}
