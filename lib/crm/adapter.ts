import type { CrmId, RecordRef } from './record';

/** The fields an adapter reads off a record page. */
export interface RecordFields {
  fullName: string;
  company?: string;
  email?: string;
  twitterField?: string;
}

/**
 * What the content script needs of a CRM vendor: which URLs are records and how to read
 * them. Kept apart from the example URLs and match patterns, which only the manifest and
 * the tests use, so that they stay out of the script every CRM page loads.
 */
export interface CrmPage {
  id: CrmId;
  /** The record a URL names, or undefined for anything else (list views, settings…). */
  parseRecordUrl(url: URL): RecordRef | undefined;
  /** The element the X icon is placed after (the record's title), if the page shows it yet. */
  findTitle(doc: Document, ref: RecordRef): Element | null;
  /** Reads the record's fields from the page; the title element may be null after a redesign. */
  readFields(doc: Document, title: Element | null): RecordFields;
}

/**
 * One CRM vendor. The URL half is pure (no DOM) so the manifest, the background's sender
 * checks and the page-detection tests can use it; the page half runs in the content script.
 */
export interface CrmAdapter extends CrmPage {
  /** Manifest match patterns for the vendor's hosts. */
  matches: readonly string[];
  /** Real record URLs, each expected to parse; used by the cross-negative test matrix. */
  examples: readonly string[];
}
