import { z } from 'zod';
import { RECORD_TYPES } from './adapter';
import type { BuiltInCrmId } from './hosts';
import { crmVendors } from './registry';

/** Every CRM a record can come from: the registry's, and `custom` for a user's own rule. */
export type CrmId = BuiltInCrmId | 'custom';
export const CRM_IDS: readonly CrmId[] = [...crmVendors.map((vendor) => vendor.id), 'custom'];
export const CrmId = z.enum(CRM_IDS);

export const RecordType = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordType>;

/** What the URL alone says about a record: enough to key an association. */
export const RecordRef = z.object({
  crm: CrmId,
  /** The CRM account the record lives in, as the CRM's URL reader names it (a host, a portal id…). */
  tenant: z.string().min(1).max(200),
  type: RecordType,
  id: z.string().min(1).max(200),
});
export type RecordRef = z.infer<typeof RecordRef>;

const field = z.string().max(500);

/** A record as the content script read it off the page. Every field is untrusted text. */
export const CrmRecord = RecordRef.extend({
  url: z.url({ protocol: /^https$/ }).max(4000),
  fullName: field,
  company: field.optional(),
  email: field.optional(),
  /** The raw value of the CRM's Twitter field, parsed later (never guessed). */
  twitterField: field.optional(),
});
export type CrmRecord = z.infer<typeof CrmRecord>;

/** The key an association is stored under. */
export function recordKey(ref: RecordRef): string {
  return [ref.crm, ref.tenant, ref.type, ref.id].map(encodeURIComponent).join('/');
}
