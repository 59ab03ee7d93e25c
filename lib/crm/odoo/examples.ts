// Test data: the product never reads it at run time, so the build leaves this file's
// arrays empty in every bundle (wxt.config.ts); unit tests and the registry's convention
// test read it whole.

/** Real record URLs, each of which the URL reader must read. */
export const examples = [
  'https://acme-robotics.odoo.com/odoo/crm/42',
  'https://acme-robotics.odoo.com/odoo/contacts/7',
  'https://acme-robotics.odoo.com/odoo/action-crm.crm_lead_all_leads/118',
  'https://acme-robotics.odoo.com/odoo/action-contacts.action_contacts/15?debug=1',
  'https://acme-robotics.odoo.com/odoo/crm/42/res.partner/7',
  'https://nunez-hijos.odoo.com/odoo/crm.lead/9',
  'https://nunez-hijos.odoo.com/odoo/res.partner/31/',
  'https://nunez-hijos.odoo.com/web#id=118&cids=1&menu_id=120&action=201&model=crm.lead&view_type=form',
  'https://tailwind-ops.odoo.com/web#id=15&model=res.partner&view_type=form',
] as const;

/** Addresses that look like records of this CRM and are not: each must be read as no record. */
export const lookAlikes = [
  'https://acme-robotics.odoo.com/odoo/crm',
  'https://acme-robotics.odoo.com/odoo/crm/new',
  'https://acme-robotics.odoo.com/odoo/action-342/42',
  'https://acme-robotics.odoo.com/odoo/sales/42',
  'https://acme-robotics.odoo.com/web#model=crm.lead&view_type=kanban',
  'https://acme-robotics.odoo.com/web#id=42&model=crm.lead&view_type=list',
  'https://acme-robotics.odoo.com/web#id=42&model=sale.order&view_type=form',
  'https://www.odoo.com/odoo/crm/42',
  'http://acme-robotics.odoo.com/odoo/crm/42',
  'https://odoo.com.evil.example/odoo/crm/1',
] as const;
