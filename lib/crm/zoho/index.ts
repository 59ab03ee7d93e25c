import type { CrmAdapter, CrmPage } from '../adapter';
import { findZohoTitle, readZohoFields } from './page';
import { zohoExamples, zohoMatches, parseZohoRecordUrl } from './urls';

/** The half the content script bundles: no example URLs, no match patterns. */
export const zohoPage: CrmPage = {
  id: 'zoho',
  parseRecordUrl: parseZohoRecordUrl,
  findTitle: findZohoTitle,
  readFields: readZohoFields,
};

export const zoho: CrmAdapter = { ...zohoPage, matches: zohoMatches, examples: zohoExamples };
