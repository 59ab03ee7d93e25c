import type { CrmFieldLabels, RecordFields } from '../adapter';
import { cleanText, readByLabel } from '../labels';
import { parseOdooRecordUrl } from './urls';

/** The labels this CRM shows beside the fields read by label; company and email are read by field name (see CrmFieldLabels). */
export const odooFieldLabels: CrmFieldLabels = {
  company: [],
  email: [],
  twitter: ['Twitter', 'X', 'Twitter handle', 'X handle'],
};

/**
 * Odoo form views (17+). Odoo names every field widget after its field (name="email_from"),
 * which is stabler than its classes (H); forms are always editable, so values sit in inputs.
 */
export const odooSelectors = {
  /** The form view that is on screen; list and kanban views have other classes (H). */
  form: '.o_action_manager .o_form_view, .o_form_view',
  /** The record's name in the form's title block (H). */
  title: '.oe_title [name="name"], .oe_title h1',
  /** A field widget by field name (H). */
  field: (name: string) => `.o_form_view [name="${name}"].o_field_widget, .o_form_view div[name="${name}"]`,
  /** A partner whose "Company" radio is chosen is a company, not a person (M). */
  companyRadio:
    '[name="company_type"] input[data-value="company"]:checked, [name="is_company"] input:checked',
} as const;

/** crm.lead fields: the lead's title is free text, the person is contact_name. */
const LEAD_FIELDS = { person: 'contact_name', company: 'partner_name', email: 'email_from' } as const;
/** res.partner fields: the parent company of a person, and the email. */
const PARTNER_FIELDS = { company: 'parent_id', email: 'email' } as const;

/**
 * The title of the form on screen. Odoo updates the URL after a debounce and shows no record
 * id in the form, so the only check possible is that a form, not a list, is displayed.
 */
export function findOdooTitle(doc: Document): Element | null {
  const form = doc.querySelector(odooSelectors.form);
  return form?.querySelector(odooSelectors.title) ?? null;
}

function fieldValue(doc: Document, name: string): string | undefined {
  const widget = doc.querySelector(odooSelectors.field(name));
  if (!widget) return undefined;
  const input = widget.matches('input, textarea') ? widget : widget.querySelector('input, textarea');
  const value = cleanText(input ? (input as HTMLInputElement).value : widget.textContent);
  return value || undefined;
}

function titleText(title: Element | null): string {
  if (!title) return '';
  const input = title.matches('input, textarea') ? title : title.querySelector('input, textarea');
  return cleanText(input ? (input as HTMLInputElement).value : title.textContent);
}

/**
 * Reads name, company, email and a Twitter field (Odoo has no standard one; a custom field
 * labelled Twitter or X is read). A company partner has an empty company: it is the company.
 */
export function readOdooFields(doc: Document, title: Element | null): RecordFields {
  const form = doc.querySelector(odooSelectors.form) ?? doc;
  // Odoo's tab title is the record name followed by " - Odoo" or the database name.
  const name = titleText(title) || cleanText(doc.title.split(' - ')[0]);
  const twitterField = readByLabel(form, odooFieldLabels.twitter);
  if (
    parseOdooRecordUrl(new URL(doc.URL))?.type === 'lead' ||
    doc.querySelector(odooSelectors.field('email_from'))
  ) {
    return {
      fullName: fieldValue(doc, LEAD_FIELDS.person) ?? name,
      company: fieldValue(doc, LEAD_FIELDS.company),
      email: fieldValue(doc, LEAD_FIELDS.email),
      twitterField,
    };
  }
  const isCompany = doc.querySelector(odooSelectors.companyRadio) !== null;
  return {
    fullName: name,
    company: isCompany ? '' : fieldValue(doc, PARTNER_FIELDS.company),
    email: fieldValue(doc, PARTNER_FIELDS.email),
    twitterField,
  };
}
