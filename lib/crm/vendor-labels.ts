import { crmVendors } from './registry';

/**
 * Each built-in CRM's label (its product name) by CRM id, derived from the registry. The build
 * puts the finished map in this module's place (wxt.config.ts, `crmLabelsWithoutRegistry`), so
 * the pages that only name a CRM (panel, popup, Social view, manager) do not carry every CRM's
 * URL and page readers; unit tests, which do not go through that build, derive it here.
 */
export const crmVendorLabels: Readonly<Record<string, string>> = Object.fromEntries(
  crmVendors.map((vendor) => [vendor.id, vendor.label]),
);
