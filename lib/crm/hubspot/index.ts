import type { CrmAdapter } from '../adapter';
import { findHubspotTitle, readHubspotFields } from './page';
import { hubspotExamples, hubspotMatches, parseHubspotRecordUrl } from './urls';

export const hubspot: CrmAdapter = {
  id: 'hubspot',
  matches: hubspotMatches,
  parseRecordUrl: parseHubspotRecordUrl,
  examples: hubspotExamples,
  findTitle: findHubspotTitle,
  readFields: readHubspotFields,
};
