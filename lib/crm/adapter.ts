/**
 * What a CRM vendor's folder describes, in types only. A leaf: the vendors import it, and the
 * registry that lists them is imported by lib/crm/record.ts, so nothing here may import back.
 */

/** The kinds of record the icon appears on; an account or organisation is a `company`. */
export const RECORD_TYPES = ['lead', 'contact', 'company'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** What the URL alone says about a record of CRM `Id`: enough to key an association. */
export interface VendorRecordRef<Id extends string = string> {
  crm: Id;
  /** The CRM account the record lives in, as the CRM's URL reader names it (a host, a portal id…). */
  tenant: string;
  type: RecordType;
  id: string;
}

/** The fields an adapter reads off a record page. */
export interface RecordFields {
  fullName: string;
  company?: string;
  email?: string;
  twitterField?: string;
}

/**
 * What the content script needs of a CRM: which URLs are records and how to read them.
 * A user's rule for another CRM is one too (id `custom`).
 */
export interface CrmPage<Id extends string = string> {
  id: Id;
  /** The record a URL names, or undefined for anything else (list views, settings…). */
  parseRecordUrl(url: URL): VendorRecordRef<Id> | undefined;
  /** The element the X icon is placed after (the record's title), if the page shows it yet. */
  findTitle(doc: Document, ref: VendorRecordRef<Id>): Element | null;
  /** Reads the record's fields from the page; the title element may be null after a redesign. */
  readFields(doc: Document, title: Element | null): RecordFields;
}

/**
 * The labels a vendor's record page shows beside each field, in the vendor's own English
 * wording, first match wins. The page reader looks fields up by them (a stable selector or
 * API name, where the vendor has one, is tried first).
 */
export interface CrmFieldLabels {
  company: readonly string[];
  email: readonly string[];
  twitter: readonly string[];
}

/**
 * Column names of the vendor's own exports (reports, spreadsheets), as a user downloads them
 * and imports them into the backup. Names are compared folded: case, spaces and punctuation
 * ignored ("Lead ID", "lead_id" and "LeadId" are one).
 */
export interface CrmExportColumns {
  /** Id columns that also say which kind of record the id is ("Person - ID" → contact). */
  recordIds: Readonly<Record<string, RecordType>>;
  /** Columns holding the person's X handle or profile link ("Twitter Username"). */
  handles: readonly string[];
}

/**
 * One CRM vendor, everything the product knows of it. Its folder exports one of these and
 * lib/crm/registry.ts lists it; the manifest's hosts, the worker's sender check, the label
 * shown for a record, the managed-policy schema's CRM list and the backup's import all come
 * from the list.
 */
export interface CrmVendor<Id extends string = string> extends CrmPage<Id> {
  /** The product's name as the vendor writes it; a proper noun, the same in every language. */
  label: string;
  /** Chrome match patterns for the vendor's hosts (https, whole paths). */
  matches: readonly string[];
  /** Real record URLs, each of which `parseRecordUrl` must read (the cross-negative matrix). */
  examples: readonly string[];
  /** URLs that look like records but are not (list views, forms, look-alike hosts, http). */
  lookAlikes: readonly string[];
  fieldLabels: CrmFieldLabels;
  exportColumns: CrmExportColumns;
  /**
   * The address of the CRM's own search for `name` in `tenant` (as `parseRecordUrl` gives it),
   * where a person can find the record by name; undefined when the tenant cannot be searched.
   */
  searchUrl(tenant: string, name: string): string | undefined;
  /**
   * A record id as imported (a backup, a CRM export) in the one form `parseRecordUrl` keys it
   * by; an id that is not valid for the CRM comes back as given. Absent: ids are kept as written.
   */
  canonicalRecordId?(id: string): string;
  /**
   * Today's tenant for a tenant written by an earlier version or an export; undefined when
   * the text is not one. Absent: tenants are kept as written.
   */
  tenantFromImport?(tenant: string): string | undefined;
}

/** Declares a vendor, keeping its id a literal type so the registry can list the ids. */
export function defineCrmVendor<const Id extends string>(
  vendor: CrmVendor<NoInfer<Id>> & { id: Id },
): CrmVendor<Id> {
  return vendor;
}
