import { describe, expect, it } from 'vitest';
import { crmHostPatterns, isCrmHostUrl, parseCrmRecordUrl } from '@/lib/crm/hosts';
import { detectRecordPage } from '@/lib/crm/pages';
import { RecordRef, recordKey } from '@/lib/crm/record';
import { crmVendors } from '@/lib/crm/registry';

/** Every vendor's look-alikes, and addresses no CRM serves. */
const notRecords = [
  ...crmVendors.flatMap((vendor) => vendor.lookAlikes),
  'https://example.com/contacts/123',
  'https://x.com/jack',
];

describe('record URLs (cross-negative matrix)', () => {
  it('gives every adapter at least 8 example record URLs', () => {
    for (const adapter of crmVendors) expect(adapter.examples.length, adapter.id).toBeGreaterThanOrEqual(8);
  });

  for (const adapter of crmVendors) {
    describe(adapter.id, () => {
      for (const example of adapter.examples) {
        it(`is the only adapter to read ${example}`, () => {
          const url = new URL(example);
          const ref = adapter.parseRecordUrl(url);
          expect(RecordRef.parse(ref)).toEqual(ref);
          expect(ref?.crm).toBe(adapter.id);
          const others = crmVendors.filter((other) => other !== adapter && other.parseRecordUrl(url));
          expect(others.map((other) => other.id)).toEqual([]);
          expect(detectRecordPage(url)?.page).toBe(adapter);
          expect(parseCrmRecordUrl(url)).toEqual(ref);
          expect(isCrmHostUrl(url)).toBe(true);
        });
      }
    });
  }

  it('covers lead, contact and company with each adapter that has them', () => {
    const typesOf = (id: string) =>
      new Set(
        crmVendors
          .find((adapter) => adapter.id === id)
          ?.examples.map((example) => parseCrmRecordUrl(new URL(example))?.type),
      );
    for (const id of ['zoho', 'salesforce', 'hubspot', 'pipedrive', 'dynamics']) {
      expect([...typesOf(id)].sort(), id).toEqual(['company', 'contact', 'lead']);
    }
    // Odoo keys every partner as a contact; whether it is a company shows only on the page.
    expect([...typesOf('odoo')].sort()).toEqual(['contact', 'lead']);
  });

  it.each(notRecords)('finds no record at %s', (href) => {
    const url = new URL(href);
    expect(crmVendors.filter((adapter) => adapter.parseRecordUrl(url)).map((adapter) => adapter.id)).toEqual(
      [],
    );
    expect(parseCrmRecordUrl(url)).toBeUndefined();
  });
});

/**
 * Every Dynamics 365 region and sovereign cloud Microsoft lists, by the host root its
 * organisations live under (https://learn.microsoft.com/power-platform/admin/new-datacenter-regions).
 */
const dynamicsRegions = [
  ['North America', 'crm.dynamics.com'],
  ['South America', 'crm2.dynamics.com'],
  ['Canada', 'crm3.dynamics.com'],
  ['Europe, Middle East and Africa', 'crm4.dynamics.com'],
  ['Asia Pacific', 'crm5.dynamics.com'],
  ['Oceania', 'crm6.dynamics.com'],
  ['Japan', 'crm7.dynamics.com'],
  ['India', 'crm8.dynamics.com'],
  ['US Government (GCC)', 'crm9.dynamics.com'],
  ['United Kingdom', 'crm11.dynamics.com'],
  ['France', 'crm12.dynamics.com'],
  ['South Africa', 'crm14.dynamics.com'],
  ['United Arab Emirates', 'crm15.dynamics.com'],
  ['Germany', 'crm16.dynamics.com'],
  ['Switzerland', 'crm17.dynamics.com'],
  ['Norway', 'crm19.dynamics.com'],
  ['Singapore', 'crm20.dynamics.com'],
  ['Korea', 'crm21.dynamics.com'],
  ['Sweden', 'crm22.dynamics.com'],
  ['US Government GCC High', 'crm.microsoftdynamics.us'],
  ['US Government DoD', 'crm.appsplatform.us'],
  ['China (21Vianet)', 'crm.dynamics.cn'],
] as const;

describe('Dynamics 365 regions and sovereign clouds', () => {
  it.each(dynamicsRegions)('reads a lead in %s (%s) and runs there', (_region, root) => {
    const url = new URL(
      `https://contoso.${root}/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d`,
    );
    expect(parseCrmRecordUrl(url)).toEqual({
      crm: 'dynamics',
      tenant: `contoso.${root}`,
      type: 'lead',
      id: '5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
    });
    expect(isCrmHostUrl(url)).toBe(true);
    expect(crmHostPatterns).toContain(`https://*.${root}/*`);
  });

  it('declares no Dynamics host beyond those regions', () => {
    const dynamics = crmVendors.find((adapter) => adapter.id === 'dynamics');
    expect([...(dynamics?.matches ?? [])].sort()).toEqual(
      dynamicsRegions.map(([, root]) => `https://*.${root}/*`).sort(),
    );
  });
});

/**
 * Each group is one record as its CRM shows it in different addresses (with or without the
 * org, old and new URL forms, id spellings, tabs, queries): each group must give one key, and
 * no two groups the same key.
 */
const sameRecord: Record<string, readonly string[][]> = {
  zoho: [
    [
      'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
      'https://crm.zoho.com/crm/tab/Leads/4876876000000333001',
      'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001/',
      'https://crm.zoho.com/crm/tab/Leads/4876876000000333001?sub_module=Activities',
      'https://one.zoho.com/zohoone/acme/home/cxapp/crm/org123456/tab/Leads/4876876000000333001',
    ],
    [
      'https://crm.zoho.eu/crm/org20071234/tab/Contacts/5725767000000419001',
      'https://crm.zoho.eu/crm/tab/Contacts/5725767000000419001',
      'https://one.zoho.eu/zohoone/acme-eu/home/cxapp/crm/org20071234/tab/Contacts/5725767000000419001',
    ],
    // The same id in another data centre is another record.
    ['https://crm.zoho.eu/crm/tab/Leads/4876876000000333001'],
  ],
  salesforce: [
    [
      'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
      'https://acme.lightning.force.com/lightning/r/00Q5g00000AbCdEEAV/view',
      'https://acme.lightning.force.com/one/one.app#/sObject/00Q5g00000AbCdEEAV/view',
      'https://acme.my.salesforce.com/00Q5g00000AbCdE',
      'https://acme.my.salesforce.com/00Q5g00000AbCdEEAV',
      'https://acme.lightning.force.com.mcas.ms/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
      'https://acme.my.salesforce.com.mcas.ms/00Q5g00000AbCdE?srPos=0',
    ],
    // A 15-character id differing only in case is another record.
    ['https://acme.my.salesforce.com/00Q5g00000ABCDE'],
  ],
  hubspot: [
    [
      'https://app.hubspot.com/contacts/62515/record/0-1/1751',
      'https://app.hubspot.com/contacts/62515/contact/1751',
      'https://app.hubspot.com/contacts/62515/record/0-1/1751/view/2',
      'https://app.hubspot.com/contacts/62515/record/0-1/1751/',
    ],
    [
      'https://app.hubspot.com/contacts/62515/record/0-2/184789011',
      'https://app.hubspot.com/contacts/62515/company/184789011?eschref=x',
    ],
  ],
  pipedrive: [
    [
      'https://acmerobotics.pipedrive.com/person/1042',
      'https://acmerobotics.pipedrive.com/person/1042/',
      'https://acmerobotics.pipedrive.com/person/1042?tab=activity',
      'https://acmerobotics.pipedrive.com/person/1042#notes',
    ],
    [
      'https://acmerobotics.pipedrive.com/leads/inbox/5d6a8f20-3c41-11ef-9b1e-3f7c2a1d8e90',
      'https://acmerobotics.pipedrive.com/leads/archived/5d6a8f20-3c41-11ef-9b1e-3f7c2a1d8e90',
    ],
  ],
  dynamics: [
    [
      'https://contoso.crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
      'https://contoso.crm14.dynamics.com/main.aspx?appid=7b1e4a2c-9f3d-4e8a-b5c6-0d1e2f3a4b5c&pagetype=entityrecord&etn=lead&id=%7B5A8F3C21-7D4E-4B9A-8C1F-2E3D4A5B6C7D%7D',
      'https://contoso.crm14.dynamics.com/main.aspx?etc=4&pagetype=entityrecord&id={5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d}',
      'https://CONTOSO.crm14.dynamics.com/main.aspx?PageType=EntityRecord&ETN=Lead&ID=5A8F3C21-7D4E-4B9A-8C1F-2E3D4A5B6C7D',
    ],
  ],
  odoo: [
    [
      'https://acme-robotics.odoo.com/odoo/crm/42',
      'https://acme-robotics.odoo.com/odoo/crm.lead/42',
      'https://acme-robotics.odoo.com/odoo/action-crm.crm_lead_all_leads/42',
      'https://acme-robotics.odoo.com/odoo/crm/42/',
      'https://acme-robotics.odoo.com/web#id=42&model=crm.lead&view_type=form',
      'https://acme-robotics.odoo.com/web#id=42&cids=1&menu_id=120&action=201&model=crm.lead&view_type=form',
    ],
    [
      'https://acme-robotics.odoo.com/odoo/contacts/7',
      'https://acme-robotics.odoo.com/odoo/crm/42/res.partner/7',
      'https://acme-robotics.odoo.com/web#id=7&model=res.partner&view_type=form',
    ],
  ],
};

describe('one record, one key', () => {
  it('has a same-record group for every adapter', () => {
    expect(Object.keys(sameRecord).sort()).toEqual(crmVendors.map((adapter) => adapter.id).sort());
  });

  for (const [crm, groups] of Object.entries(sameRecord)) {
    it(`gives each ${crm} record one key however it is opened, and other records others`, () => {
      const keys = groups.map((group) => {
        const keysOfGroup = new Set(
          group.map((href) => {
            const ref = parseCrmRecordUrl(new URL(href));
            expect(ref?.crm, href).toBe(crm);
            return recordKey(ref as RecordRef);
          }),
        );
        expect([...keysOfGroup], group[0]).toHaveLength(1);
        return [...keysOfGroup][0];
      });
      expect(new Set(keys).size).toBe(groups.length);
    });
  }

  it('keys a Zoho record by data centre and id, with or without the org', () => {
    for (const href of [
      'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
      'https://crm.zoho.com/crm/tab/Leads/4876876000000333001',
    ]) {
      expect(recordKey(parseCrmRecordUrl(new URL(href)) as RecordRef)).toBe(
        'zoho/zoho.com/lead/4876876000000333001',
      );
    }
  });
});

describe('record keys', () => {
  it.each([
    [
      'https://acme.my.salesforce.com/00Q5g00000AbCdE',
      { crm: 'salesforce', tenant: 'acme.my.salesforce.com', type: 'lead', id: '00Q5g00000AbCdEEAV' },
    ],
    [
      'https://acme.lightning.force.com.mcas.ms/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
      { crm: 'salesforce', tenant: 'acme.my.salesforce.com', type: 'lead', id: '00Q5g00000AbCdEEAV' },
    ],
    [
      'https://acme--uat.sandbox.lightning.force.com/lightning/r/Account/0015g00000QrStUAAV/view',
      {
        crm: 'salesforce',
        tenant: 'acme--uat.sandbox.my.salesforce.com',
        type: 'company',
        id: '0015g00000QrStUAAV',
      },
    ],
    [
      'https://app-eu1.hubspot.com/contacts/143928374/record/0-136/7301',
      { crm: 'hubspot', tenant: '143928374', type: 'lead', id: '7301' },
    ],
    [
      'https://acmerobotics.pipedrive.com/organization/318',
      { crm: 'pipedrive', tenant: 'acmerobotics', type: 'company', id: '318' },
    ],
    [
      'https://tailspin.crm12.dynamics.com/main.aspx?PageType=EntityRecord&ETN=Lead&ID=%7B2B3C4D5E-6F7A-4B8C-9D0E-1F2A3B4C5D6E%7D',
      {
        crm: 'dynamics',
        tenant: 'tailspin.crm12.dynamics.com',
        type: 'lead',
        id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
      },
    ],
    [
      'https://contoso.crm.dynamics.com/main.aspx?appname=sales&pagetype=entityrecord&etn=account&id={A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D}',
      {
        crm: 'dynamics',
        tenant: 'contoso.crm.dynamics.com',
        type: 'company',
        id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      },
    ],
    [
      'https://acme-robotics.odoo.com/odoo/crm/42/res.partner/7',
      { crm: 'odoo', tenant: 'acme-robotics.odoo.com', type: 'contact', id: '7' },
    ],
    [
      'https://nunez-hijos.odoo.com/web#id=118&cids=1&menu_id=120&action=201&model=crm.lead&view_type=form',
      { crm: 'odoo', tenant: 'nunez-hijos.odoo.com', type: 'lead', id: '118' },
    ],
  ])('keys %s by tenant, type and id', (href, expected) => {
    expect(parseCrmRecordUrl(new URL(href))).toEqual(expected);
  });

  it('keys a Salesforce record the same in Classic and Lightning', () => {
    const classic = parseCrmRecordUrl(new URL('https://acme.my.salesforce.com/0035g00000XyZ12'));
    const lightning = parseCrmRecordUrl(
      new URL('https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAF/view'),
    );
    expect(classic).toEqual(lightning);
  });
});

describe('CRM hosts', () => {
  it.each([
    'https://crm.zoho.eu/crm/org1/tab/Home/begin',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.my.salesforce.com/home/home.jsp',
    'https://navy-ops.lightning.crmforce.mil/lightning/page/home',
    'https://acme.lightning.force.com.mcas.ms/lightning/page/home',
    'https://app.hubspot.com/reports-dashboard/21436587',
    'https://acmerobotics.pipedrive.com/pipeline',
    'https://fabrikam.crm4.dynamics.com/main.aspx?pagetype=dashboard',
    'https://acme-robotics.odoo.com/odoo/crm',
  ])('runs on %s', (href) => {
    expect(isCrmHostUrl(new URL(href))).toBe(true);
  });

  it.each([
    'http://acme.lightning.force.com/lightning/page/home',
    'https://crm.zoho.com.evil.example/crm/org1/tab/Leads/1234567',
    'https://evil-lightning.force.com.example.com/lightning/page/home',
    'https://lightning.force.com.evil.example/',
    'https://hubspot.com.evil.example/contacts/1/record/0-1/2',
    'https://pipedrive.com.evil.example/person/1',
    'https://crm.dynamics.com.evil.example/main.aspx',
    'https://contoso.crm10.dynamics.com/main.aspx',
    'https://contoso.crm13.dynamics.com/main.aspx',
    'https://contoso.crm23.dynamics.com/main.aspx',
    'https://crm14.dynamics.com.evil.example/main.aspx',
    'https://contoso.crm.microsoftdynamics.de/main.aspx',
    'https://crm.appsplatform.us.evil.example/main.aspx',
    'https://crm.dynamics.cn.evil.example/main.aspx',
    'https://odoo.com.evil.example/odoo/crm/1',
    'https://example.com/',
    'https://x.com/jack',
  ])('does not run on %s', (href) => {
    expect(isCrmHostUrl(new URL(href))).toBe(false);
  });

  it('declares only Chrome match patterns for https hosts, whole paths', () => {
    const pattern = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/;
    for (const adapter of crmVendors) {
      expect(adapter.matches.length, adapter.id).toBeGreaterThan(0);
      for (const match of adapter.matches) expect(match, adapter.id).toMatch(pattern);
    }
    expect([...crmHostPatterns].sort()).toEqual(crmVendors.flatMap((adapter) => adapter.matches).sort());
    expect(new Set(crmHostPatterns).size).toBe(crmHostPatterns.length);
  });
});
