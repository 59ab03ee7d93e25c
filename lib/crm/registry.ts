import { dynamics } from './dynamics';
import { hubspot } from './hubspot';
import { odoo } from './odoo';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { zoho } from './zoho';

/**
 * Every built-in CRM, one line each, in the order their URLs are tried. The manifest's hosts,
 * the content script, the worker's sender check, the CRM's label, the policy schema's CRM list
 * and the backup's import all read this list: adding a CRM is its folder, its fixtures and a line.
 */
export const crmVendors = [zoho, salesforce, hubspot, pipedrive, dynamics, odoo] as const;
