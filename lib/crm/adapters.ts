import type { CrmAdapter } from './adapter';
import type { RecordRef } from './record';
import { dynamics } from './dynamics';
import { hubspot } from './hubspot';
import { odoo } from './odoo';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { zoho } from './zoho';

/** Every built-in CRM adapter. */
export const adapters: readonly CrmAdapter[] = [zoho, salesforce, hubspot, pipedrive, dynamics, odoo];

/** The adapter and record a URL names, or undefined when it is not a record page. */
export function detectRecord(url: URL): { adapter: CrmAdapter; ref: RecordRef } | undefined {
  for (const adapter of adapters) {
    const ref = adapter.parseRecordUrl(url);
    if (ref) return { adapter, ref };
  }
  return undefined;
}
