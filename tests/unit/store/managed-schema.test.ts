import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRM_IDS } from '@/lib/crm/record';
import { crmVendors } from '@/lib/crm/registry';
import { managedSchemaWithCrms } from '@/lib/store/managed-schema';

const template = readFileSync('public/managed-schema.json', 'utf8');

describe('the managed-policy schema the build ships', () => {
  it('lists every CRM id of the registry, and custom, in allowedCrms', () => {
    const schema = JSON.parse(managedSchemaWithCrms(template, CRM_IDS));
    const description: string = schema.properties.allowedCrms.description;
    for (const id of [...crmVendors.map((vendor) => vendor.id), 'custom']) expect(description).toContain(id);
  });

  it('changes nothing else, and the file itself names no CRM (the list comes from the registry)', () => {
    const shipped = JSON.parse(managedSchemaWithCrms(template, CRM_IDS));
    const original = JSON.parse(template);
    delete shipped.properties.allowedCrms.description;
    delete original.properties.allowedCrms.description;
    expect(shipped).toEqual(original);
    for (const vendor of crmVendors) expect(template).not.toContain(vendor.id);
  });

  it('refuses a schema without allowedCrms', () => {
    expect(() => managedSchemaWithCrms('{"type":"object","properties":{}}', CRM_IDS)).toThrow(/allowedCrms/);
  });
});
