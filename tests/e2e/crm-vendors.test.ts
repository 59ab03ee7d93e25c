import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { serveCrmPages } from './harness/crm-pages';
import { panelRecord, recordIcons, waitForPanelName } from './harness/record-panel';

/** Every record fixture, at the URL it stands for (tests/fixtures/README.md), and what it shows. */
interface VendorCase {
  fixture: string;
  url: string;
  /** The title the icon sits after, as the page shows it (Odoo's is an input's value). */
  anchor: string;
  name: string;
  company?: string;
  email?: string;
  /** People in hidden cached views, who must never be taken for the record. */
  hidden?: string[];
}

const cases: VendorCase[] = [
  {
    fixture: 'zoho/lead.html',
    url: 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
    anchor: 'Maria Garcia',
    name: 'Maria Garcia',
    company: 'Acme Robotics',
    email: 'maria@acmerobotics.com',
  },
  {
    fixture: 'zoho/contact.html',
    url: 'https://crm.zoho.com/crm/org123456/tab/Contacts/4876876000000444001',
    anchor: 'Maria Garcia',
    name: 'Maria Garcia',
    company: 'Acme Robotics',
    email: 'maria@acmerobotics.com',
  },
  {
    fixture: 'zoho/account.html',
    url: 'https://crm.zoho.com/crm/org123456/tab/Accounts/2401386000000112007',
    anchor: 'Acme Robotics',
    name: 'Acme Robotics',
  },
  {
    fixture: 'salesforce/lead.html',
    url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
    anchor: "José Núñez-O'Brien",
    name: "José Núñez-O'Brien",
    company: 'Núñez & Hijos',
    email: 'jose@nunezhijos.example',
    hidden: ['Ingrid Bergström'],
  },
  {
    fixture: 'salesforce/contact.html',
    url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAF/view',
    anchor: 'Chloé Dubois-Lefèvre',
    name: 'Chloé Dubois-Lefèvre',
    company: 'Château Vignobles SA',
    email: 'chloe@chateau-vignobles.example',
    hidden: ['Bjørn Halvorsen'],
  },
  {
    fixture: 'salesforce/account.html',
    url: 'https://acme.lightning.force.com/lightning/r/Account/0015g00000QrStUAAV/view',
    anchor: 'Núñez & Hijos',
    name: 'Núñez & Hijos',
  },
  {
    fixture: 'salesforce/classic-lead.html',
    url: 'https://acme.my.salesforce.com/00QDn00000PrIyA',
    anchor: 'Siobhán Ó Briain',
    name: 'Siobhán Ó Briain',
    company: 'Ó Briain Ceramics',
    email: 'siobhan@obriain.example',
  },
  {
    fixture: 'hubspot/contact.html',
    url: 'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801',
    anchor: 'Priya Natarajan',
    name: 'Priya Natarajan',
    company: 'Lumen Data Labs',
    email: 'priya@lumendata.example',
  },
  {
    fixture: 'hubspot/lead.html',
    url: 'https://app.hubspot.com/contacts/21436587/record/0-136/98765432101',
    anchor: 'Kwame Mensah',
    name: 'Kwame Mensah',
    company: 'Osei Solar Ltd',
    email: 'kwame@oseisolar.example',
  },
  {
    fixture: 'hubspot/company.html',
    url: 'https://app.hubspot.com/contacts/21436587/record/0-2/18273645501',
    anchor: 'Lumen Data Labs',
    name: 'Lumen Data Labs',
  },
  {
    fixture: 'pipedrive/person.html',
    url: 'https://acmerobotics.pipedrive.com/person/1042',
    anchor: 'Dana Whitfield',
    name: 'Dana Whitfield',
    company: 'Whitfield Marine',
    email: 'dana@whitfieldmarine.example',
  },
  {
    fixture: 'pipedrive/organization.html',
    url: 'https://acmerobotics.pipedrive.com/organization/318',
    anchor: 'Whitfield Marine',
    name: 'Whitfield Marine',
  },
  {
    fixture: 'pipedrive/lead.html',
    url: 'https://acmerobotics.pipedrive.com/leads/inbox/5d6a8f20-3c41-11ef-9b1e-3f7c2a1d8e90',
    // A lead's title is free text; the person linked to it is who the panel is about.
    anchor: 'Robot arms for Oslo plant',
    name: 'Lars Haugen',
    company: 'Haugen Mekaniske AS',
    email: 'lars@haugen-mek.example',
  },
  {
    fixture: 'dynamics/lead.html',
    url: 'https://contoso.crm.dynamics.com/main.aspx?appid=7b1e4a2c-9f3d-4e8a-b5c6-0d1e2f3a4b5c&pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
    anchor: 'Nora Lindqvist- Saved',
    name: 'Nora Lindqvist',
    company: 'Lindqvist Bygg AB',
    email: 'nora@lindqvistbygg.example',
  },
  {
    // South Africa's region: every region Microsoft lists is a CRM host, not only the first ones.
    fixture: 'dynamics/lead.html',
    url: 'https://contoso.crm14.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
    anchor: 'Nora Lindqvist- Saved',
    name: 'Nora Lindqvist',
    company: 'Lindqvist Bygg AB',
    email: 'nora@lindqvistbygg.example',
  },
  {
    // A sovereign cloud: US Government GCC High.
    fixture: 'dynamics/lead.html',
    url: 'https://agency.crm.microsoftdynamics.us/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
    anchor: 'Nora Lindqvist- Saved',
    name: 'Nora Lindqvist',
    company: 'Lindqvist Bygg AB',
    email: 'nora@lindqvistbygg.example',
  },
  {
    fixture: 'dynamics/contact.html',
    url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=%7B0F6E2B9A-1C3D-4E5F-8A7B-9C0D1E2F3A4B%7D',
    anchor: 'Tomás Ferreira- Saved',
    name: 'Tomás Ferreira',
    company: 'Ferreira Têxteis Lda',
    email: 'tomas@ferreiratex.example',
  },
  {
    fixture: 'dynamics/account.html',
    url: 'https://contoso.crm.dynamics.com/main.aspx?appname=sales&pagetype=entityrecord&etn=account&id={A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D}',
    anchor: 'Ferreira Têxteis Lda- Saved',
    name: 'Ferreira Têxteis Lda',
    email: 'info@ferreiratex.example',
  },
  {
    fixture: 'odoo/lead.html',
    url: 'https://acme-robotics.odoo.com/odoo/crm/42',
    anchor: 'Warehouse automation quote',
    name: 'Ahmed Yılmaz',
    company: 'Yılmaz Lojistik A.Ş.',
    email: 'ahmed@yilmazlojistik.example',
  },
  {
    fixture: 'odoo/contact.html',
    url: 'https://acme-robotics.odoo.com/odoo/contacts/7',
    anchor: 'Mei Tanaka',
    name: 'Mei Tanaka',
    company: 'Sakura Foods K.K.',
    email: 'mei@sakurafoods.example',
  },
  {
    fixture: 'odoo/company.html',
    url: 'https://acme-robotics.odoo.com/odoo/contacts/8',
    anchor: 'Sakura Foods K.K.',
    name: 'Sakura Foods K.K.',
    email: 'info@sakurafoods.example',
  },
];

let chromium: ExtensionBrowser;

beforeAll(async () => {
  chromium = await launchWithExtension();
});
afterAll(() => chromium?.close());

async function openFixture(vendorCase: VendorCase): Promise<Page> {
  const page = await chromium.browser.newPage();
  // The browser asks for the URL as a user would type it; the fixture answers at its normalised form.
  await serveCrmPages(page, [{ url: new URL(vendorCase.url).href, fixture: vendorCase.fixture }]);
  await page.goto(vendorCase.url);
  await page.waitForSelector('x-crm-record', { timeout: 10_000 });
  return page;
}

describe('every vendor’s record page, at its real URL', () => {
  it.each(cases)('$fixture at $url: icon after the title, panel with the record', async (vendorCase) => {
    const page = await openFixture(vendorCase);
    try {
      expect(await recordIcons(page)).toEqual({
        count: 1,
        floating: false,
        lastInBody: false,
        openShadowRoot: false,
        anchorText: vendorCase.anchor,
      });
      await page.locator(`::-p-aria(Open X panel for ${vendorCase.name})`).click();
      const panel = await waitForPanelName(page, vendorCase.name);
      const shown = await panelRecord(panel);
      expect(shown.rows.Company).toBe(vendorCase.company);
      expect(shown.rows.Email).toBe(vendorCase.email);
      for (const person of vendorCase.hidden ?? []) expect(shown.text).not.toContain(person);
      // The panel sits in the closed root: the page has no iframe it could read or copy.
      expect(await page.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
    } finally {
      await page.close();
    }
  });
});
