import type { CrmAdapter, CrmPage } from '../adapter';
import { findSalesforceTitle, readSalesforceFields } from './page';
import { salesforceExamples, salesforceMatches, parseSalesforceRecordUrl } from './urls';

/** The half the content script bundles: no example URLs, no match patterns. */
export const salesforcePage: CrmPage = {
  id: 'salesforce',
  parseRecordUrl: parseSalesforceRecordUrl,
  findTitle: findSalesforceTitle,
  readFields: readSalesforceFields,
};

export const salesforce: CrmAdapter = {
  ...salesforcePage,
  matches: salesforceMatches,
  examples: salesforceExamples,
};
