import type { CrmAdapter } from '../adapter';
import { findDynamicsTitle, readDynamicsFields } from './page';
import { dynamicsExamples, dynamicsMatches, parseDynamicsRecordUrl } from './urls';

export const dynamics: CrmAdapter = {
  id: 'dynamics',
  matches: dynamicsMatches,
  parseRecordUrl: parseDynamicsRecordUrl,
  examples: dynamicsExamples,
  findTitle: findDynamicsTitle,
  readFields: readDynamicsFields,
};
