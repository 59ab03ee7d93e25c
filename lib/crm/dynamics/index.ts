import { defineCrmVendor } from '../adapter';
import { examples, lookAlikes } from './examples';
import { dynamicsFieldLabels, findDynamicsTitle, readDynamicsFields } from './page';
import { dynamicsMatches, normalizeDynamicsGuid, parseDynamicsRecordUrl } from './urls';

/** Dynamics 365 (model-driven apps), in every region and sovereign cloud. */
export const dynamics = defineCrmVendor({
  id: 'dynamics',
  label: 'Dynamics 365',
  matches: dynamicsMatches,
  parseRecordUrl: parseDynamicsRecordUrl,
  examples,
  lookAlikes,
  findTitle: findDynamicsTitle,
  readFields: readDynamicsFields,
  fieldLabels: dynamicsFieldLabels,
  exportColumns: {
    // Export to Excel names the hidden GUID column "(Do Not Modify) <Entity>".
    recordIds: {
      '(Do Not Modify) Lead': 'lead',
      '(Do Not Modify) Contact': 'contact',
      '(Do Not Modify) Account': 'company',
    },
    handles: [],
  },
  canonicalRecordId: (id) => normalizeDynamicsGuid(id) ?? id,
  // The tenant is the organisation's host; the Unified Interface opens Dataverse search with
  // pagetype=search and the term in searchText.
  searchUrl: (tenant, name) =>
    `https://${tenant}/main.aspx?pagetype=search&searchText=${encodeURIComponent(name)}`,
});
