import { t } from '../i18n';
import { crmVendors } from './registry';

/**
 * The name a person knows the record's CRM by: the vendor's product name from the registry
 * (a proper noun, the same in every language), or the localised "your CRM" for a user's rule
 * (`custom`) and anything the registry does not list.
 */
export function crmLabel(crm: string): string {
  return crmVendors.find((vendor) => vendor.id === crm)?.label ?? t('crmCustom');
}
