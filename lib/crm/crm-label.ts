import { t } from '../i18n';
import { crmVendorLabels } from './vendor-labels';

/**
 * The name a person knows the record's CRM by: the vendor's product name from the registry
 * (a proper noun, the same in every language), or the localised "your CRM" for a user's rule
 * (`custom`) and anything the registry does not list.
 */
export function crmLabel(crm: string): string {
  return Object.hasOwn(crmVendorLabels, crm) ? (crmVendorLabels[crm] as string) : t('crmCustom');
}
