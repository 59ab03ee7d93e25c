import type { CrmAdapter } from '../adapter';
import { findZohoTitle, readZohoFields } from './page';
import { parseZohoRecordUrl, zohoExamples, zohoMatches } from './urls';

export const zoho: CrmAdapter = {
  id: 'zoho',
  matches: zohoMatches,
  parseRecordUrl: parseZohoRecordUrl,
  examples: zohoExamples,
  findTitle: findZohoTitle,
  readFields: readZohoFields,
};
