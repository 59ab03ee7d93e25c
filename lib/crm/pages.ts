import type { CrmPage } from './adapter';
import { dynamicsPage } from './dynamics';
import { hubspotPage } from './hubspot';
import { odooPage } from './odoo';
import { pipedrivePage } from './pipedrive';
import { salesforcePage } from './salesforce';
import type { RecordRef } from './record';
import { zohoPage } from './zoho';

/** Every built-in vendor's page half, in the order of `adapters` (a unit test keeps them alike). */
export const crmPages: readonly CrmPage[] = [
  zohoPage,
  salesforcePage,
  hubspotPage,
  pipedrivePage,
  dynamicsPage,
  odooPage,
];

/** The vendor and record a URL names, or undefined when it is not a record page. */
export function detectRecordPage(url: URL): { page: CrmPage; ref: RecordRef } | undefined {
  for (const page of crmPages) {
    const ref = page.parseRecordUrl(url);
    if (ref) return { page, ref };
  }
  return undefined;
}
