import type { CrmAdapter, CrmPage } from '../adapter';
import { findDynamicsTitle, readDynamicsFields } from './page';
import { dynamicsExamples, dynamicsMatches, parseDynamicsRecordUrl } from './urls';

/** The half the content script bundles: no example URLs, no match patterns. */
export const dynamicsPage: CrmPage = {
  id: 'dynamics',
  parseRecordUrl: parseDynamicsRecordUrl,
  findTitle: findDynamicsTitle,
  readFields: readDynamicsFields,
};

export const dynamics: CrmAdapter = { ...dynamicsPage, matches: dynamicsMatches, examples: dynamicsExamples };
