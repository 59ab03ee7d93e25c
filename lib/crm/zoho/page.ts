import type { CrmFieldLabels, RecordFields } from '../adapter';
import { cleanText, readByLabel } from '../labels';
import { parseZohoRecordUrl } from './urls';

/** The labels this CRM shows beside the fields read by label (see CrmFieldLabels). */
export const zohoFieldLabels: CrmFieldLabels = {
  company: ['Company', 'Account Name'],
  email: ['Email'],
  twitter: ['Twitter'],
};

/** Zoho CRM's detail view. Zoho renders Lyte components with data-zcqa test attributes. */
export const zohoSelectors = {
  /** The record's name in the detail header; the icon goes right after it. */
  title: '#recHeader1 [data-zcqa="detailView_headerName"], #recordDetails .dvRecordName',
  /** The detail view's body, where field labels and values sit. */
  details: '#recordDetails',
} as const;

export function findZohoTitle(doc: Document): Element | null {
  return doc.querySelector(zohoSelectors.title);
}

/** Reads name, company, email and Twitter by their visible labels. */
export function readZohoFields(doc: Document, title: Element | null): RecordFields {
  const root = doc.querySelector(zohoSelectors.details) ?? doc;
  // After a redesign that moves the header, the tab title still starts with the record's name.
  const fullName = cleanText(title?.textContent) || cleanText(doc.title.split(' - ')[0]);
  const isAccount = parseZohoRecordUrl(new URL(doc.URL))?.type === 'company';
  return {
    fullName,
    // An account is itself the company; its "Account Name" is the record's own name.
    company: isAccount ? '' : readByLabel(root, zohoFieldLabels.company),
    email: readByLabel(root, zohoFieldLabels.email),
    twitterField: readByLabel(root, zohoFieldLabels.twitter),
  };
}
