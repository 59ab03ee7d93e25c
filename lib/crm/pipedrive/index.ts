import { defineCrmVendor } from '../adapter';
import { examples, lookAlikes } from './examples';
import { findPipedriveTitle, pipedriveFieldLabels, readPipedriveFields } from './page';
import { parsePipedriveRecordUrl, pipedriveMatches } from './urls';

/** Pipedrive, one subdomain per company. */
export const pipedrive = defineCrmVendor({
  id: 'pipedrive',
  label: 'Pipedrive',
  matches: pipedriveMatches,
  parseRecordUrl: parsePipedriveRecordUrl,
  examples,
  lookAlikes,
  findTitle: findPipedriveTitle,
  readFields: readPipedriveFields,
  fieldLabels: pipedriveFieldLabels,
  // Exports name a column "<Entity> - <Field>".
  exportColumns: { recordIds: { 'Person - ID': 'contact', 'Organization - ID': 'company' }, handles: [] },
  // The tenant is the company's subdomain; the web app's search page takes `term`.
  searchUrl: (tenant, name) =>
    /^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant)
      ? `https://${tenant}.pipedrive.com/search?term=${encodeURIComponent(name)}`
      : undefined,
});
