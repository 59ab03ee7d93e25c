import type { CrmAdapter } from '../adapter';
import { findOdooTitle, readOdooFields } from './page';
import { odooExamples, odooMatches, parseOdooRecordUrl } from './urls';

export const odoo: CrmAdapter = {
  id: 'odoo',
  matches: odooMatches,
  parseRecordUrl: parseOdooRecordUrl,
  examples: odooExamples,
  findTitle: findOdooTitle,
  readFields: readOdooFields,
};
