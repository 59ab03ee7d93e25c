import type { CrmFieldLabels, RecordFields, VendorRecordRef } from '../adapter';
import { cleanText, readByLabel } from '../labels';
import { dynamicsEntityName, normalizeDynamicsGuid, parseDynamicsRecordUrl } from './urls';

/** The labels this CRM shows beside the fields read by label (see CrmFieldLabels). */
export const dynamicsFieldLabels: CrmFieldLabels = {
  company: ['Company Name', 'Company', 'Account Name'],
  email: ['Email'],
  twitter: ['Twitter', 'X'],
};

/** Dynamics 365 (Unified Interface) forms. Model-driven apps tag controls with data-id (H). */
export const dynamicsSelectors = {
  /** The record's name in the form header; its title attribute holds the bare name (H). */
  title: 'h1[data-id="header_title"], [data-id="header_title"]',
  /** The main form (H). */
  form: '[data-id="editFormRoot"]',
  /**
   * Where the form names the record it shows: the form root's data-lp-id reads
   * "<form>|<entity>|<guid>|…" (L). A lookup inside the form names other records, so only
   * the form root itself is read.
   */
  formIdentity: '[data-id="editFormRoot"][data-lp-id]',
  /** A text column's input: <logical name>.fieldControl-text-box-text (H). */
  textInput: (column: string) => `input[data-id="${column}.fieldControl-text-box-text"]`,
  /** A lookup's selected record, such as a contact's account (M). */
  lookupValue: (column: string) =>
    `[data-id="${column}.fieldControl-LookupResultsDropdown_${column}_selected_tag_text"]`,
  /** Custom Twitter columns carry the publisher prefix: new_twitter, cr8a2_twitterhandle… (L). */
  twitterInput: 'input[data-id*="twitter"][data-id$=".fieldControl-text-box-text"]',
  /** The form is Dynamics' when its client script is loaded (H); used for on-premises later. */
  clientScript: 'script[src*="/uclient/scripts"]',
} as const;

/** The record's GUID and entity as the form root says them, if it does. */
function formIdentity(doc: Document): { entity: string; id: string } | undefined {
  const parts =
    doc.querySelector(dynamicsSelectors.formIdentity)?.getAttribute('data-lp-id')?.split('|') ?? [];
  for (let i = 1; i < parts.length; i++) {
    const id = normalizeDynamicsGuid(parts[i] ?? '');
    const entity = parts[i - 1]?.toLowerCase();
    if (id && entity) return { entity, id };
  }
  return undefined;
}

/**
 * The form header's title, or null while the form still shows another record: Dynamics swaps
 * forms in place, and the URL changes before the new form has rendered.
 */
export function findDynamicsTitle(doc: Document, ref: VendorRecordRef): Element | null {
  const identity = formIdentity(doc);
  if (identity && (identity.id !== ref.id || identity.entity !== dynamicsEntityName(ref.type))) return null;
  return doc.querySelector(dynamicsSelectors.title);
}

function inputValue(doc: Document, selector: string): string | undefined {
  const element = doc.querySelector(selector);
  // matches(), not instanceof: the page's input class is not the content script's.
  const value = cleanText(
    element?.matches('input') ? (element as HTMLInputElement).value : element?.textContent,
  );
  return value || undefined;
}

/** Reads name, company, email and a custom Twitter column. */
export function readDynamicsFields(doc: Document, title: Element | null): RecordFields {
  // The header text may carry the save state ("Nora Lindqvist- Saved"); the title attribute does not.
  const fullName =
    cleanText(title?.getAttribute('title')) ||
    cleanText(title?.textContent).replace(/\s*-\s*(?:Saved|Unsaved)$/, '') ||
    cleanText(doc.title.split(':')[0]);
  const root = doc.querySelector(dynamicsSelectors.form) ?? doc;
  // An account is itself the company; the URL names the entity, the form root may confirm it.
  const isAccount =
    parseDynamicsRecordUrl(new URL(doc.URL))?.type === 'company' || formIdentity(doc)?.entity === 'account';
  const company = isAccount
    ? ''
    : (inputValue(doc, dynamicsSelectors.textInput('companyname')) ??
      inputValue(doc, dynamicsSelectors.lookupValue('parentcustomerid')) ??
      readByLabel(root, dynamicsFieldLabels.company));
  return {
    fullName,
    company,
    email:
      inputValue(doc, dynamicsSelectors.textInput('emailaddress1')) ??
      readByLabel(root, dynamicsFieldLabels.email),
    twitterField:
      inputValue(doc, dynamicsSelectors.twitterInput) ?? readByLabel(root, dynamicsFieldLabels.twitter),
  };
}
