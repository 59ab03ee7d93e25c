import { crmVendors } from './registry';

/**
 * The CRM's own search for a person's `name` in one CRM account (`tenant`, as record URLs
 * give it), from the CRM's descriptor; null for a CRM without one (a user rule's).
 */
export function crmSearchUrl(crm: string, tenant: string, name: string): string | null {
  return crmVendors.find((vendor) => vendor.id === crm)?.searchUrl(tenant, name.trim()) ?? null;
}
