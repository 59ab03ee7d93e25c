import type { CrmAdapter } from '../adapter';
import { findPipedriveTitle, readPipedriveFields } from './page';
import { pipedriveExamples, pipedriveMatches, parsePipedriveRecordUrl } from './urls';

export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  matches: pipedriveMatches,
  parseRecordUrl: parsePipedriveRecordUrl,
  examples: pipedriveExamples,
  findTitle: findPipedriveTitle,
  readFields: readPipedriveFields,
};
