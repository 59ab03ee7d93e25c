import type { CrmAdapter } from '../adapter';
import { findSalesforceTitle, readSalesforceFields } from './page';
import { salesforceExamples, salesforceMatches, parseSalesforceRecordUrl } from './urls';

export const salesforce: CrmAdapter = {
  id: 'salesforce',
  matches: salesforceMatches,
  parseRecordUrl: parseSalesforceRecordUrl,
  examples: salesforceExamples,
  findTitle: findSalesforceTitle,
  readFields: readSalesforceFields,
};
