import type { CrmId } from '@/lib/crm/record';
import { type MessageKey, t } from '@/lib/i18n';

const LABEL: Record<CrmId, MessageKey> = {
  zoho: 'crmZoho',
  salesforce: 'crmSalesforce',
  hubspot: 'crmHubspot',
  pipedrive: 'crmPipedrive',
  dynamics: 'crmDynamics',
  odoo: 'crmOdoo',
  custom: 'crmCustom',
};

/** The CRM's name as the rep knows it ("Zoho CRM", "HubSpot"). */
export function crmLabel(crm: CrmId): string {
  return t(LABEL[crm]);
}
