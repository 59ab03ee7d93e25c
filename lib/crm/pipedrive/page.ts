import type { CrmFieldLabels, RecordFields } from '../adapter';
import { cleanText, readByLabel } from '../labels';
import { parsePipedriveRecordUrl } from './urls';

/** The labels this CRM shows beside the fields read by label (see CrmFieldLabels). */
export const pipedriveFieldLabels: CrmFieldLabels = {
  company: ['Organization', 'Organisation'],
  email: ['Email'],
  twitter: ['Twitter', 'X', 'Twitter handle', 'X handle'],
};

/**
 * Pipedrive selectors. Pipedrive renames its classes often (L), so the title falls back to the
 * tab title and fields are read by their visible labels only.
 */
export const pipedriveSelectors = {
  /** A lead's title in the Leads Inbox side panel (L). */
  leadTitle: '[data-testid="SidebarLeadTitle"]',
  /** A person's or organization's name in the detail header (L). */
  detailTitle: '[data-testid="header-title"], .detailView .detailView__title, .detailView h1',
  /** The lead side panel, or the detail view's sidebar of fields (L). */
  details: '[data-testid="SidebarLead"], [data-testid="detail-sidebar"], .detailView',
} as const;

/** The tab title reads "Dana Whitfield - contact details" on a person page. */
const TAB_TITLE_SUFFIX = / - (?:contact|organization) details$/i;

export function findPipedriveTitle(doc: Document): Element | null {
  return doc.querySelector(pipedriveSelectors.leadTitle) ?? doc.querySelector(pipedriveSelectors.detailTitle);
}

/**
 * Reads the record's fields. A lead's title is free text ("Robot arms for Oslo plant"), so the
 * lead's linked person, when present, is the name; Twitter is a custom field Pipedrive users add.
 */
export function readPipedriveFields(doc: Document, title: Element | null): RecordFields {
  const root = doc.querySelector(pipedriveSelectors.details) ?? doc;
  const type = parsePipedriveRecordUrl(new URL(doc.URL))?.type;
  const titleText = cleanText(title?.textContent) || cleanText(doc.title.replace(TAB_TITLE_SUFFIX, ''));
  const person = type === 'lead' ? readByLabel(root, ['Person', 'Contact person']) : undefined;
  return {
    fullName: person ?? titleText,
    company: type === 'company' ? '' : readByLabel(root, pipedriveFieldLabels.company),
    email: readByLabel(root, pipedriveFieldLabels.email),
    twitterField: readByLabel(root, pipedriveFieldLabels.twitter),
  };
}
