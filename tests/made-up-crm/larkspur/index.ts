import { defineCrmVendor, type RecordType, type VendorRecordRef } from '../../../lib/crm/adapter';
import { cleanText, readByLabel } from '../../../lib/crm/labels';

/**
 * Larkspur CRM, a CRM that does not exist: the proof that a CRM is one folder. Only the tests'
 * registry (../registry.ts) lists it, in a build made with X_CRM_REGISTRY; the product never
 * bundles it. Its record pages are https://<tenant>.larkspur-crm.example/app/<kind>/<id>.
 */
const HOST = /^([a-z0-9][a-z0-9-]{0,62})\.larkspur-crm\.example$/;
const PATH = /^\/app\/(people|leads|companies)\/(\d{1,12})\/?$/;
const KINDS: Record<string, RecordType> = { people: 'contact', leads: 'lead', companies: 'company' };

function parseLarkspurRecordUrl(url: URL): VendorRecordRef<'larkspur'> | undefined {
  const tenant = HOST.exec(url.hostname)?.[1];
  const [, kind, id] = PATH.exec(url.pathname) ?? [];
  const type = kind && KINDS[kind];
  if (url.protocol !== 'https:' || !tenant || !type || !id) return undefined;
  return { crm: 'larkspur', tenant, type, id };
}

const fieldLabels = { company: ['Company'], email: ['Email'], twitter: ['Twitter', 'X'] };

export const larkspur = defineCrmVendor({
  id: 'larkspur',
  label: 'Larkspur CRM',
  matches: ['https://*.larkspur-crm.example/*'],
  parseRecordUrl: parseLarkspurRecordUrl,
  examples: [
    'https://acme.larkspur-crm.example/app/people/4711',
    'https://acme.larkspur-crm.example/app/leads/12/',
    'https://nordwind.larkspur-crm.example/app/companies/9001',
  ],
  lookAlikes: [
    'https://acme.larkspur-crm.example/app/people',
    'https://acme.larkspur-crm.example/app/deals/4711',
    'http://acme.larkspur-crm.example/app/people/4711',
    'https://acme.larkspur-crm.example.evil.example/app/people/4711',
  ],
  findTitle: (doc) => doc.querySelector('h1.record-title'),
  readFields: (doc, title) => ({
    fullName: cleanText(title?.textContent),
    company: readByLabel(doc, fieldLabels.company),
    email: readByLabel(doc, fieldLabels.email),
    twitterField: readByLabel(doc, fieldLabels.twitter),
  }),
  fieldLabels,
  exportColumns: { recordIds: { 'Person Number': 'contact' }, handles: ['X Profile'] },
  searchUrl: (tenant, name) =>
    `https://${tenant}.larkspur-crm.example/app/search?q=${encodeURIComponent(name)}`,
});
