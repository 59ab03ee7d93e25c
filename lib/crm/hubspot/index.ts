import type { CrmAdapter, CrmPage } from '../adapter';
import { findHubspotTitle, readHubspotFields } from './page';
import { hubspotExamples, hubspotMatches, parseHubspotRecordUrl } from './urls';

/** The half the content script bundles: no example URLs, no match patterns. */
export const hubspotPage: CrmPage = {
  id: 'hubspot',
  parseRecordUrl: parseHubspotRecordUrl,
  findTitle: findHubspotTitle,
  readFields: readHubspotFields,
};

export const hubspot: CrmAdapter = { ...hubspotPage, matches: hubspotMatches, examples: hubspotExamples };
