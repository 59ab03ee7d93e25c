import type { CrmFieldLabels, RecordFields, VendorRecordRef } from '../adapter';
import { cleanText, readByLabel } from '../labels';
import { salesforceObjectName } from './urls';

/**
 * Salesforce selectors. Lightning keeps hidden, cached copies of earlier records in the DOM,
 * so every Lightning query starts from the active view; reading the document at large would
 * mix in a record the user left minutes ago.
 */
export const salesforceSelectors = {
  /** The visible record view: standard apps, then console apps (H). */
  activeView: 'div.windowViewMode-normal.active, .oneConsoleTab div.windowViewMode-maximized.active',
  /** Any Lightning view, active or cached; its presence means this is Lightning (H). */
  anyView: 'div.windowViewMode-normal, div.windowViewMode-maximized',
  /** The record name in the highlights panel: a formatted name for people, text for accounts (M). */
  lightningTitle: [
    'records-highlights2 .slds-page-header__title lightning-formatted-name',
    'records-highlights2 .slds-page-header__title lightning-formatted-text',
    '.slds-page-header__title lightning-formatted-name',
    'h1 .slds-page-header__title',
  ].join(', '),
  /**
   * Elements that carry the id of the record the view shows (L). Lookup links carry other
   * records' ids (the owner's, the account's), so only whole-record containers are listed.
   */
  recordIdHolders:
    'records-lwc-highlights-panel[data-recordid], records-record-layout-event-broker[data-recordid], [data-record-id]',
  /**
   * A layout field (records-record-layout-item, record_flexipage-record-field…), found by its
   * data-target-selection-name, sfdc:RecordField.<Object>.<Field>, whatever the element (H).
   */
  layoutItem: '[data-target-selection-name^="sfdc:RecordField."]',
  /** A layout field's displayed value (M). */
  fieldValue: '.slds-form-element__control, .test-id__field-value, dd',
  /** Classic: the record name in the page title block (M). */
  classicTitle: '.bPageTitle h2.pageDescription, .bPageTitle .pageDescription',
  /** Classic: the detail section, laid out as label/data table cells (M). */
  classicDetails: '#ep, .bDetailBlock, .detailList',
} as const;

/** Standard field API names, per object, for the fields we read. */
const FIELD_NAMES = {
  company: { Lead: 'Company', Contact: 'AccountId' },
  email: { Lead: 'Email', Contact: 'Email' },
} as const;

/**
 * The labels this CRM shows beside the fields read by label (see CrmFieldLabels). Twitter is a
 * custom field in Salesforce: these are the labels one is likely to carry.
 */
export const salesforceFieldLabels: CrmFieldLabels = {
  company: ['Company', 'Account Name'],
  email: ['Email'],
  twitter: ['Twitter', 'X', 'Twitter Handle', 'X Handle', 'Twitter/X', 'X (Twitter)'],
};

/** Salesforce's 15-character ids are case-sensitive; the 18-character form adds a checksum. */
function sameRecordId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}

/** The field's API object and name from sfdc:RecordField.Lead.Email. */
function layoutField(item: Element): { object: string; field: string } | undefined {
  const match = /^sfdc:RecordField\.(\w+)\.(\w+)$/.exec(
    item.getAttribute('data-target-selection-name') ?? '',
  );
  return match?.[1] && match[2] ? { object: match[1], field: match[2] } : undefined;
}

/**
 * The record title in the active Lightning view, or in the Classic page. Returns null while
 * the active view still shows another record: its id holders name a different id, or its
 * fields belong to another object (the URL moved from a lead to a contact before the DOM did).
 */
export function findSalesforceTitle(doc: Document, ref: VendorRecordRef): Element | null {
  if (!doc.querySelector(salesforceSelectors.anyView))
    return doc.querySelector(salesforceSelectors.classicTitle);
  const view = doc.querySelector(salesforceSelectors.activeView);
  if (!view) return null;
  const ids = [...view.querySelectorAll(salesforceSelectors.recordIdHolders)].map(
    (holder) => holder.getAttribute('data-recordid') ?? holder.getAttribute('data-record-id') ?? '',
  );
  if (ids.length > 0 && !ids.some((id) => sameRecordId(id, ref.id))) return null;
  const objects = [...view.querySelectorAll(salesforceSelectors.layoutItem)].map(
    (item) => layoutField(item)?.object,
  );
  const expected = salesforceObjectName(ref.type);
  if (objects.length > 0 && !objects.includes(expected)) return null;
  return view.querySelector(salesforceSelectors.lightningTitle);
}

/** The active view's value of a standard field, by its API name. */
function readLayoutField(view: Element, object: string, field: string): string | undefined {
  const item = view.querySelector(`[data-target-selection-name="sfdc:RecordField.${object}.${field}"]`);
  const value = cleanText(item?.querySelector(salesforceSelectors.fieldValue)?.textContent);
  return value || undefined;
}

/**
 * A custom Twitter field: orgs name it freely (Twitter__c, Twitter_Handle__c, X_Profile__c…),
 * so any field whose API name mentions twitter counts. Letting the user name the field in
 * settings is planned; until then the label and API-name guesses below are all we have.
 */
function readTwitterField(view: Element): string | undefined {
  for (const item of view.querySelectorAll(salesforceSelectors.layoutItem)) {
    const field = layoutField(item)?.field ?? '';
    if (!/twitter/i.test(field)) continue;
    const value = cleanText(item.querySelector(salesforceSelectors.fieldValue)?.textContent);
    if (value) return value;
  }
  return readByLabel(view, salesforceFieldLabels.twitter);
}

/** Reads name, company, email and a custom Twitter field from the active view (or Classic page). */
export function readSalesforceFields(doc: Document, title: Element | null): RecordFields {
  // The tab title reads "José Núñez-O'Brien | Lead | Salesforce" when the header is missing.
  const fullName = cleanText(title?.textContent) || cleanText(doc.title.split(' | ')[0]);
  const lightning = doc.querySelector(salesforceSelectors.anyView) !== null;
  if (!lightning) {
    const root = doc.querySelector(salesforceSelectors.classicDetails) ?? doc.body;
    return {
      fullName,
      company: readByLabel(root, salesforceFieldLabels.company),
      email: readByLabel(root, salesforceFieldLabels.email),
      twitterField: readByLabel(root, salesforceFieldLabels.twitter),
    };
  }
  const view =
    title?.closest(salesforceSelectors.activeView) ?? doc.querySelector(salesforceSelectors.activeView);
  // Without an active view every field on the page belongs to a cached record: read none.
  if (!view) return { fullName };
  const object = [...view.querySelectorAll(salesforceSelectors.layoutItem)]
    .map((item) => layoutField(item)?.object)
    .find((name) => name === 'Lead' || name === 'Contact' || name === 'Account');
  const person = object === 'Lead' || object === 'Contact' ? object : undefined;
  return {
    fullName,
    // An account is itself the company.
    company:
      object === 'Account'
        ? ''
        : ((person && readLayoutField(view, person, FIELD_NAMES.company[person])) ??
          readByLabel(view, salesforceFieldLabels.company)),
    email:
      (person && readLayoutField(view, person, FIELD_NAMES.email[person])) ??
      readByLabel(view, salesforceFieldLabels.email),
    twitterField: readTwitterField(view),
  };
}
