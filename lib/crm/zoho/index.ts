import { defineCrmVendor } from '../adapter';
import { examples, lookAlikes } from './examples';
import { findZohoTitle, readZohoFields, zohoFieldLabels } from './page';
import { parseZohoRecordUrl, zohoMatches, zohoTenantFromLegacy } from './urls';

/** Zoho CRM, in every data centre and inside Zoho One. */
export const zoho = defineCrmVendor({
  id: 'zoho',
  label: 'Zoho CRM',
  matches: zohoMatches,
  parseRecordUrl: parseZohoRecordUrl,
  examples,
  lookAlikes,
  findTitle: findZohoTitle,
  readFields: readZohoFields,
  fieldLabels: zohoFieldLabels,
  // Zoho's exports name the record "Record Id" (a column every CRM shares) and prefix it zcrm_.
  exportColumns: { recordIds: {}, handles: [] },
  canonicalRecordId: (id) => id.replace(/^zcrm_/, ''),
  tenantFromImport: (tenant) => zohoTenantFromLegacy(tenant),
  // The search page the CRM's own search box opens; a data centre's CRM host is crm.<centre>.
  searchUrl: (tenant, name) => `https://crm.${tenant}/crm/search?searchword=${encodeURIComponent(name)}`,
});
