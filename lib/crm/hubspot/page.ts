import type { CrmFieldLabels, RecordFields } from '../adapter';
import { cleanText, readByLabel } from '../labels';
import { parseHubspotRecordUrl } from './urls';

/** The labels this CRM shows beside the fields read by label (see CrmFieldLabels). */
export const hubspotFieldLabels: CrmFieldLabels = {
  company: ['Company name', 'Company', 'Associated company'],
  email: ['Email'],
  twitter: ['Twitter Username', 'Twitter', 'X'],
};

/** HubSpot record pages. HubSpot's test attributes (data-selenium-test) outlive its class names. */
export const hubspotSelectors = {
  /** The record's name in the left-hand highlight card (M). */
  title: '[data-selenium-test="highlightTitle"]',
  /** The highlight card and the "About" properties card beside it (M). */
  card: '[data-card-type="OBJECT_HIGHLIGHT"]',
  /** A property's value: an input in edit-in-place mode, else a text container (M). */
  property: (name: string) => `[data-selenium-test="property-input-${name}"]`,
} as const;

/**
 * Internal property names, per field. Contacts carry `company` as text; the Leads object has no
 * company property of its own, so its associated company is read by label. `twitterhandle` is
 * the default contact property behind the "Twitter Username" label (L).
 */
const PROPERTIES = {
  email: ['email'],
  company: ['company'],
  twitter: ['twitterhandle', 'hs_twitterhandle'],
} as const;

/** The record title; HubSpot renders no cached copies, so the page holds one record. */
export function findHubspotTitle(doc: Document): Element | null {
  return doc.querySelector(hubspotSelectors.title);
}

function readProperty(doc: Document, names: readonly string[]): string | undefined {
  for (const name of names) {
    const element = doc.querySelector(hubspotSelectors.property(name));
    if (!element) continue;
    const input = element.matches('input, textarea') ? element : element.querySelector('input, textarea');
    const value = cleanText(input ? (input as HTMLInputElement).value : element.textContent);
    if (value) return value;
  }
  return undefined;
}

/** Reads name, company, email and the Twitter username; a company record has no company. */
export function readHubspotFields(doc: Document, title: Element | null): RecordFields {
  // HubSpot's tab title is "Priya Natarajan | HubSpot" (sometimes with a leading count).
  const fullName =
    cleanText(title?.textContent) || cleanText(doc.title.split(' | ')[0]?.replace(/^\(\d+\)\s*/, ''));
  // The URL, not the page, says what kind of record this is.
  const isCompany = parseHubspotRecordUrl(new URL(doc.URL))?.type === 'company';
  return {
    fullName,
    company: isCompany
      ? ''
      : (readProperty(doc, PROPERTIES.company) ?? readByLabel(doc, hubspotFieldLabels.company)),
    email: readProperty(doc, PROPERTIES.email) ?? readByLabel(doc, hubspotFieldLabels.email),
    twitterField: readProperty(doc, PROPERTIES.twitter) ?? readByLabel(doc, hubspotFieldLabels.twitter),
  };
}
