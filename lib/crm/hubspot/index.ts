import { defineCrmVendor } from '../adapter';
import { examples, lookAlikes } from './examples';
import { findHubspotTitle, hubspotFieldLabels, readHubspotFields } from './page';
import { hubspotMatches, parseHubspotRecordUrl } from './urls';

/** HubSpot's CRM, in every data centre. */
export const hubspot = defineCrmVendor({
  id: 'hubspot',
  label: 'HubSpot',
  matches: hubspotMatches,
  parseRecordUrl: parseHubspotRecordUrl,
  examples,
  lookAlikes,
  findTitle: findHubspotTitle,
  readFields: readHubspotFields,
  fieldLabels: hubspotFieldLabels,
  // The contact property's label in exports.
  exportColumns: { recordIds: {}, handles: ['Twitter Username'] },
  // The tenant is the portal id; the contacts index searches by `query`, and app.hubspot.com
  // sends a portal of another data centre on to its own host.
  searchUrl: (tenant, name) =>
    /^\d{1,12}$/.test(tenant)
      ? `https://app.hubspot.com/contacts/${tenant}/objects/0-1/views/all/list?query=${encodeURIComponent(name)}`
      : undefined,
});
