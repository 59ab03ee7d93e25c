import { describe, expect, it } from 'vitest';
import { crmLabel } from '@/lib/crm/crm-label';
import { crmVendors } from '@/lib/crm/registry';

describe('the CRM a record comes from, by name', () => {
  it.each(crmVendors.map((vendor) => [vendor.id, vendor.label]))(
    'names %s by its label “%s”',
    (id, label) => {
      expect(crmLabel(id)).toBe(label);
    },
  );

  it.each(['custom', 'unknown-crm', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'says “Your CRM” for %j, which the registry does not list',
    (id) => {
      expect(crmLabel(id)).toBe('Your CRM');
    },
  );
});
