import type { RecordType, VendorRecordRef } from '../adapter';

/** Odoo Online databases live on <database>.odoo.com; self-hosted Odoo is any host. */
export const odooMatches = ['https://*.odoo.com/*'];

/** Odoo's own sites on odoo.com, which hold no customer database. */
const NOT_DATABASES = new Set(['www', 'apps', 'accounts', 'runbot', 'upgrade', 'nightly']);
const DATABASE_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.odoo\.com$/;

/**
 * Models we show records of. A res.partner can be a person or a company, and the URL does not
 * say which; every partner is keyed as a contact so the key survives the user flipping the
 * partner's "Company" switch, and the page reader leaves company empty for company partners.
 */
const MODEL_TYPES: Record<string, RecordType> = { 'crm.lead': 'lead', 'res.partner': 'contact' };

/**
 * Odoo 17.2+ path segments naming those models: app shortcuts, model names, and the XML ids of
 * the window actions that open them. A numeric action (action-342) could open anything and is
 * not a record we can type from the URL.
 */
const ACTION_MODELS: Record<string, string> = {
  crm: 'crm.lead',
  'crm.lead': 'crm.lead',
  'action-crm.crm_lead_all_leads': 'crm.lead',
  'action-crm.crm_lead_action_pipeline': 'crm.lead',
  'action-crm.crm_lead_opportunities': 'crm.lead',
  contacts: 'res.partner',
  'res.partner': 'res.partner',
  'action-contacts.action_contacts': 'res.partner',
  'action-base.action_partner_form': 'res.partner',
};

/** The last action/id pair is the record on screen; earlier pairs are the breadcrumbs. */
const ODOO_PATH = /^\/odoo(?:\/[^/]+)*\/([^/]+)\/(\d{1,12})\/?$/;

/** An Odoo lead/opportunity or contact form, in the 17.2+ URL or the legacy /web# one. */
export function parseOdooRecordUrl(url: URL): VendorRecordRef<'odoo'> | undefined {
  const database = DATABASE_HOST.exec(url.hostname)?.[1];
  if (url.protocol !== 'https:' || !database || NOT_DATABASES.has(database)) return undefined;
  let model: string | undefined;
  let id: string | undefined;
  const path = ODOO_PATH.exec(url.pathname);
  if (path) {
    model = path[1] && ACTION_MODELS[path[1]];
    id = path[2];
  } else if (url.pathname === '/web' || url.pathname === '/web/') {
    // Legacy URLs keep the state in the fragment; Odoo 17.2+ rewrites them on load.
    const state = new URLSearchParams(url.hash.replace(/^#/, ''));
    if (state.get('view_type') !== 'form') return undefined;
    model = state.get('model') ?? undefined;
    id = /^\d{1,12}$/.test(state.get('id') ?? '') ? (state.get('id') ?? undefined) : undefined;
  }
  const type = model && MODEL_TYPES[model];
  if (!type || !id) return undefined;
  return { crm: 'odoo', tenant: url.hostname, type, id };
}
