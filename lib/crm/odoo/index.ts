import { defineCrmVendor } from '../adapter';
import { examples, lookAlikes } from './examples';
import { findOdooTitle, odooFieldLabels, readOdooFields } from './page';
import { odooMatches, parseOdooRecordUrl } from './urls';

/** Odoo Online (CRM leads and contacts); self-hosted Odoo is reached by a user rule. */
export const odoo = defineCrmVendor({
  id: 'odoo',
  label: 'Odoo',
  matches: odooMatches,
  parseRecordUrl: parseOdooRecordUrl,
  examples,
  lookAlikes,
  findTitle: findOdooTitle,
  readFields: readOdooFields,
  fieldLabels: odooFieldLabels,
  exportColumns: { recordIds: {}, handles: [] },
  // Odoo's web client keeps its search in the page, never in the address: nothing to link to.
  searchUrl: () => undefined,
});
