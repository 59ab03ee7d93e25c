import type { CrmAdapter, CrmPage } from '../adapter';
import { findPipedriveTitle, readPipedriveFields } from './page';
import { pipedriveExamples, pipedriveMatches, parsePipedriveRecordUrl } from './urls';

/** The half the content script bundles: no example URLs, no match patterns. */
export const pipedrivePage: CrmPage = {
  id: 'pipedrive',
  parseRecordUrl: parsePipedriveRecordUrl,
  findTitle: findPipedriveTitle,
  readFields: readPipedriveFields,
};

export const pipedrive: CrmAdapter = {
  ...pipedrivePage,
  matches: pipedriveMatches,
  examples: pipedriveExamples,
};
