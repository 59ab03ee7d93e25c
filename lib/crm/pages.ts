import type { CrmPage, VendorRecordRef } from './adapter';
import type { BuiltInCrmId } from './hosts';
import { crmVendors } from './registry';

/** The built-in CRM and record a URL names, or undefined when it is not a record page. */
export function detectRecordPage(
  url: URL,
): { page: CrmPage<BuiltInCrmId>; ref: VendorRecordRef<BuiltInCrmId> } | undefined {
  for (const vendor of crmVendors) {
    const page = vendor as CrmPage<BuiltInCrmId>;
    const ref = page.parseRecordUrl(url);
    if (ref) return { page, ref };
  }
  return undefined;
}
