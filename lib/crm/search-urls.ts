import { dynamicsSearchUrl } from './dynamics/search-url';
import { hubspotSearchUrl } from './hubspot/search-url';
import { odooSearchUrl } from './odoo/search-url';
import { pipedriveSearchUrl } from './pipedrive/search-url';
import type { CrmId } from './record';
import { salesforceSearchUrl } from './salesforce/search-url';
import { zohoSearchUrl } from './zoho/search-url';

const SEARCH: Partial<Record<CrmId, (recordUrl: URL, name: string) => string | null>> = {
  zoho: zohoSearchUrl,
  salesforce: salesforceSearchUrl,
  hubspot: hubspotSearchUrl,
  pipedrive: pipedriveSearchUrl,
  dynamics: dynamicsSearchUrl,
  odoo: odooSearchUrl,
};

/**
 * The CRM's own search for a person's `name`, in the CRM account one of its record pages
 * (`recordUrl`, https only) belongs to; null for a CRM without one (a user rule's) or a page
 * address that is not https.
 */
export function crmSearchUrl(crm: CrmId, recordUrl: string, name: string): string | null {
  let url: URL;
  try {
    url = new URL(recordUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  return SEARCH[crm]?.(url, name.trim()) ?? null;
}
