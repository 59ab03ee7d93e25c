import { defineCrmVendor } from '../adapter';
import { examples, lookAlikes } from './examples';
import { findSalesforceTitle, readSalesforceFields, salesforceFieldLabels } from './page';
import { parseSalesforceRecordUrl, salesforceId18, salesforceMatches } from './urls';

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** Salesforce: Lightning, console apps and Classic, with Government Cloud Plus and proxies. */
export const salesforce = defineCrmVendor({
  id: 'salesforce',
  label: 'Salesforce',
  matches: salesforceMatches,
  parseRecordUrl: parseSalesforceRecordUrl,
  examples,
  lookAlikes,
  findTitle: findSalesforceTitle,
  readFields: readSalesforceFields,
  fieldLabels: salesforceFieldLabels,
  exportColumns: {
    // Reports name the id column after the object.
    recordIds: { 'Lead ID': 'lead', 'Contact ID': 'contact', 'Account ID': 'company' },
    // A custom Twitter field, by its API name.
    handles: ['Twitter__c'],
  },
  canonicalRecordId: (id) => (ID.test(id) ? (salesforceId18(id) ?? id) : id),
  // The tenant is the org's My Domain host; Classic's global search results page takes `str`.
  searchUrl: (tenant, name) =>
    `https://${tenant}/_ui/search/ui/UnifiedSearchResults?str=${encodeURIComponent(name)}`,
});
