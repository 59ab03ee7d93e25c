import type { CrmAdapter, CrmPage } from '../adapter';
import { findOdooTitle, readOdooFields } from './page';
import { odooExamples, odooMatches, parseOdooRecordUrl } from './urls';

/** The half the content script bundles: no example URLs, no match patterns. */
export const odooPage: CrmPage = {
  id: 'odoo',
  parseRecordUrl: parseOdooRecordUrl,
  findTitle: findOdooTitle,
  readFields: readOdooFields,
};

export const odoo: CrmAdapter = { ...odooPage, matches: odooMatches, examples: odooExamples };
