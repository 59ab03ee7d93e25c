import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { CrmVendor, RecordFields } from '@/lib/crm/adapter';
import { detectRecordPage } from '@/lib/crm/pages';
import type { RecordRef } from '@/lib/crm/record';
import { crmVendors } from '@/lib/crm/registry';

const open: Window[] = [];

/** Opens a fixture as the page at its real URL, in a window of its own (so document.URL is right). */
function openFixture(file: string, url: string, options: { scripts?: boolean } = {}) {
  const window = new Window({ url, settings: { enableJavaScriptEvaluation: options.scripts ?? false } });
  open.push(window);
  window.document.write(readFileSync(`tests/fixtures/${file}`, 'utf8'));
  return { window, document: window.document as unknown as Document };
}

afterEach(async () => {
  for (const window of open.splice(0)) await window.happyDOM.close();
});

function adapter(id: string): CrmVendor {
  const found = crmVendors.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no adapter ${id}`);
  return found;
}

/** What the content script does on a record page: find the title, then read the fields. */
function readRecord(document: Document) {
  const detected = detectRecordPage(new URL(document.URL));
  if (!detected) return undefined;
  const title = detected.page.findTitle(document, detected.ref);
  return { ref: detected.ref, title, fields: detected.page.readFields(document, title) };
}

interface Case {
  file: string;
  url: string;
  title: string;
  fields: RecordFields;
}

const cases: Case[] = [
  {
    file: 'zoho/lead.html',
    url: 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
    title: 'Maria Garcia',
    fields: {
      fullName: 'Maria Garcia',
      company: 'Acme Robotics',
      email: 'maria@acmerobotics.com',
      twitterField: undefined,
    },
  },
  {
    file: 'zoho/contact.html',
    url: 'https://crm.zoho.com/crm/org123456/tab/Contacts/4876876000000444001',
    title: 'Maria Garcia',
    fields: {
      fullName: 'Maria Garcia',
      company: 'Acme Robotics',
      email: 'maria@acmerobotics.com',
      twitterField: '@mariagarcia_ar',
    },
  },
  {
    file: 'zoho/account.html',
    url: 'https://crm.zoho.com/crm/org123456/tab/Accounts/2401386000000112007',
    title: 'Acme Robotics',
    fields: { fullName: 'Acme Robotics', company: '', email: undefined, twitterField: 'acmerobotics' },
  },
  {
    file: 'zoho/lead-large.html',
    url: 'https://crm.zoho.eu/crm/org20071234/tab/Leads/5725767000000419001',
    title: 'Maria Garcia',
    fields: {
      fullName: 'Maria Garcia',
      company: 'Acme Robotics',
      email: 'maria@acmerobotics.com',
      twitterField: 'https://x.com/mgarcia?s=21',
    },
  },
  {
    file: 'salesforce/lead.html',
    url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
    title: "José Núñez-O'Brien",
    fields: {
      fullName: "José Núñez-O'Brien",
      company: 'Núñez & Hijos',
      email: 'jose@nunezhijos.example',
      twitterField: '@jnunezob',
    },
  },
  {
    file: 'salesforce/contact.html',
    url: 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAF/view?ws=%2Flightning%2Fr%2FContact%2F0035g00000XyZ12AAF%2Fview',
    title: 'Chloé Dubois-Lefèvre',
    fields: {
      fullName: 'Chloé Dubois-Lefèvre',
      company: 'Château Vignobles SA',
      email: 'chloe@chateau-vignobles.example',
      twitterField: 'https://twitter.com/chloe_dl',
    },
  },
  {
    file: 'salesforce/account.html',
    url: 'https://acme.lightning.force.com/lightning/r/Account/0015g00000QrStUAAV/view',
    title: 'Núñez & Hijos',
    fields: { fullName: 'Núñez & Hijos', company: '', email: undefined, twitterField: undefined },
  },
  {
    file: 'salesforce/classic-lead.html',
    url: 'https://acme.my.salesforce.com/00QDn00000PrIyA',
    title: 'Siobhán Ó Briain',
    fields: {
      fullName: 'Siobhán Ó Briain',
      company: 'Ó Briain Ceramics',
      email: 'siobhan@obriain.example',
      twitterField: 'ask me',
    },
  },
  {
    file: 'hubspot/contact.html',
    url: 'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801',
    title: 'Priya Natarajan',
    fields: {
      fullName: 'Priya Natarajan',
      company: 'Lumen Data Labs',
      email: 'priya@lumendata.example',
      twitterField: 'https://x.com/priya_n?lang=en',
    },
  },
  {
    file: 'hubspot/lead.html',
    url: 'https://app.hubspot.com/contacts/21436587/record/0-136/98765432101',
    title: 'Kwame Mensah',
    fields: {
      fullName: 'Kwame Mensah',
      company: 'Osei Solar Ltd',
      email: 'kwame@oseisolar.example',
      twitterField: undefined,
    },
  },
  {
    file: 'hubspot/company.html',
    url: 'https://app.hubspot.com/contacts/21436587/record/0-2/18273645501',
    title: 'Lumen Data Labs',
    fields: { fullName: 'Lumen Data Labs', company: '', email: undefined, twitterField: 'lumendatalabs' },
  },
  {
    file: 'pipedrive/person.html',
    url: 'https://acmerobotics.pipedrive.com/person/1042',
    title: 'Dana Whitfield',
    fields: {
      fullName: 'Dana Whitfield',
      company: 'Whitfield Marine',
      email: 'dana@whitfieldmarine.example',
      twitterField: '@dana_w',
    },
  },
  {
    file: 'pipedrive/organization.html',
    url: 'https://acmerobotics.pipedrive.com/organization/318',
    title: 'Whitfield Marine',
    fields: {
      fullName: 'Whitfield Marine',
      company: '',
      email: undefined,
      twitterField: 'https://twitter.com/whitfieldmarine',
    },
  },
  {
    file: 'pipedrive/lead.html',
    url: 'https://acmerobotics.pipedrive.com/leads/inbox/5d6a8f20-3c41-11ef-9b1e-3f7c2a1d8e90',
    title: 'Robot arms for Oslo plant',
    fields: {
      fullName: 'Lars Haugen',
      company: 'Haugen Mekaniske AS',
      email: 'lars@haugen-mek.example',
      twitterField: 'lars haugen on X',
    },
  },
  {
    file: 'dynamics/lead.html',
    url: 'https://contoso.crm.dynamics.com/main.aspx?appid=7b1e4a2c-9f3d-4e8a-b5c6-0d1e2f3a4b5c&pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
    title: 'Nora Lindqvist- Saved',
    fields: {
      fullName: 'Nora Lindqvist',
      company: 'Lindqvist Bygg AB',
      email: 'nora@lindqvistbygg.example',
      twitterField: '@noralind',
    },
  },
  {
    file: 'dynamics/contact.html',
    url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=contact&id=%7B0F6E2B9A-1C3D-4E5F-8A7B-9C0D1E2F3A4B%7D',
    title: 'Tomás Ferreira- Saved',
    fields: {
      fullName: 'Tomás Ferreira',
      company: 'Ferreira Têxteis Lda',
      email: 'tomas@ferreiratex.example',
      twitterField: undefined,
    },
  },
  {
    file: 'dynamics/account.html',
    url: 'https://contoso.crm.dynamics.com/main.aspx?appname=sales&pagetype=entityrecord&etn=account&id={A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D}',
    title: 'Ferreira Têxteis Lda- Saved',
    fields: {
      fullName: 'Ferreira Têxteis Lda',
      company: '',
      email: 'info@ferreiratex.example',
      twitterField: 'x.com/ferreiratex',
    },
  },
  {
    file: 'odoo/lead.html',
    url: 'https://acme-robotics.odoo.com/odoo/crm/42',
    title: '',
    fields: {
      fullName: 'Ahmed Yılmaz',
      company: 'Yılmaz Lojistik A.Ş.',
      email: 'ahmed@yilmazlojistik.example',
      twitterField: '@ahmedyilmaz',
    },
  },
  {
    file: 'odoo/contact.html',
    url: 'https://acme-robotics.odoo.com/odoo/contacts/7',
    title: '',
    fields: {
      fullName: 'Mei Tanaka',
      company: 'Sakura Foods K.K.',
      email: 'mei@sakurafoods.example',
      twitterField: 'tanaka_mei',
    },
  },
  {
    file: 'odoo/company.html',
    url: 'https://acme-robotics.odoo.com/odoo/contacts/8',
    title: '',
    fields: {
      fullName: 'Sakura Foods K.K.',
      company: '',
      email: 'info@sakurafoods.example',
      twitterField: 'https://twitter.com/search?q=sakura',
    },
  },
];

describe('record pages', () => {
  it.each(cases)('reads $file at its URL', ({ file, url, title, fields }) => {
    const { document } = openFixture(file, url);
    const record = readRecord(document);
    expect(record?.title).not.toBeNull();
    // Odoo's title is an input: its text is empty, its value is the name.
    expect(record?.title?.textContent?.replace(/\s+/g, ' ').trim()).toBe(title);
    expect(record?.fields).toEqual(fields);
  });

  it('finds no record title on a Zoho list view', () => {
    const { document } = openFixture(
      'zoho/leads-list.html',
      'https://crm.zoho.com/crm/org123456/tab/Leads/listview',
    );
    expect(detectRecordPage(new URL(document.URL))).toBeUndefined();
    const ref: RecordRef = { crm: 'zoho', tenant: 'org123456', type: 'lead', id: '4876876000000333001' };
    expect(adapter('zoho').findTitle(document, ref)).toBeNull();
  });

  it('reads a 5,000-element record page quickly', () => {
    const { document } = openFixture(
      'zoho/lead-large.html',
      'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
    );
    expect(document.querySelectorAll('*').length).toBeGreaterThan(4500);
    const started = performance.now();
    for (let i = 0; i < 3; i++) readRecord(document);
    // happy-dom is many times slower than a browser; this only catches work that grows
    // with the square of the page (a label search per element, say).
    expect((performance.now() - started) / 3).toBeLessThan(400);
  });

  it('falls back to the tab title when the record header is missing', () => {
    const { document } = openFixture(
      'zoho/lead.html',
      'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001',
    );
    document.getElementById('recHeader1')?.remove();
    const record = readRecord(document);
    expect(record?.title).toBeNull();
    expect(record?.fields.fullName).toBe('Maria Garcia');
  });
});

describe('Salesforce cached views', () => {
  const joseUrl = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view';

  it('never reads the hidden cached record', () => {
    const { document } = openFixture('salesforce/lead.html', joseUrl);
    const record = readRecord(document);
    expect(record?.title?.closest('.windowViewMode-normal')?.classList.contains('active')).toBe(true);
    expect(JSON.stringify(record?.fields)).not.toMatch(/Ingrid|Fjord|ingridb/);
  });

  it('waits while the active view shows another record than the URL', () => {
    const { document } = openFixture('salesforce/lead.html', joseUrl);
    const ingrid: RecordRef = {
      crm: 'salesforce',
      tenant: 'acme.my.salesforce.com',
      type: 'lead',
      id: '00Q8a00000Lm9NoEAJ',
    };
    expect(adapter('salesforce').findTitle(document, ingrid)).toBeNull();
    // The same id in its 15-character form is the same record.
    expect(adapter('salesforce').findTitle(document, { ...ingrid, id: '00Q5g00000AbCdE' })).not.toBeNull();
  });

  it('waits while the active view shows another object than the URL', () => {
    const { document } = openFixture('salesforce/account.html', joseUrl);
    const asLead: RecordRef = {
      crm: 'salesforce',
      tenant: 'acme.my.salesforce.com',
      type: 'lead',
      id: '0015g00000QrStUAAV',
    };
    expect(adapter('salesforce').findTitle(document, asLead)).toBeNull();
  });

  it('reads nothing but the name when no view is active', () => {
    const { document } = openFixture('salesforce/lead.html', joseUrl);
    for (const view of document.querySelectorAll('.active')) view.classList.remove('active');
    const record = readRecord(document);
    expect(record?.title).toBeNull();
    expect(record?.fields).toEqual({ fullName: "José Núñez-O'Brien" });
  });

  it('reads the focused console tab, not the cached one', () => {
    const { document } = openFixture(
      'salesforce/contact.html',
      'https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAF/view',
    );
    expect(JSON.stringify(readRecord(document)?.fields)).not.toMatch(/Bjørn|Halvorsen|bjornh/);
  });
});

describe('Dynamics forms', () => {
  it('waits while the form shows another record than the URL', () => {
    const { document } = openFixture(
      'dynamics/lead.html',
      'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
    );
    const other: RecordRef = {
      crm: 'dynamics',
      tenant: 'contoso.crm.dynamics.com',
      type: 'lead',
      id: '0d9c8b7a-6f5e-4d4c-9b3a-2f1e0d9c8b7a',
    };
    expect(adapter('dynamics').findTitle(document, other)).toBeNull();
    expect(
      adapter('dynamics').findTitle(document, {
        ...other,
        type: 'contact',
        id: '5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d',
      }),
    ).toBeNull();
  });
});

describe('single-page navigation', () => {
  async function settle(window: Window) {
    await window.happyDOM.waitUntilComplete();
  }

  function click(document: Document, selector: string) {
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) throw new Error(`nothing at ${selector}`);
    target.click();
  }

  it('follows Zoho from the list to a record and between records', async () => {
    const { window, document } = openFixture(
      'zoho/spa.html',
      'https://crm.zoho.com/crm/org123456/tab/Leads/listview',
      {
        scripts: true,
      },
    );
    await settle(window);
    expect(readRecord(document)).toBeUndefined();

    click(document, '[data-zcqa="lead_link_4876876000000333002"]');
    expect(document.URL).toBe('https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333002');
    // The URL moved before the record rendered.
    expect(readRecord(document)?.title).toBeNull();
    await settle(window);
    expect(readRecord(document)?.fields).toEqual({
      fullName: 'Tomás Ferreira',
      company: 'Ferreira Têxteis',
      email: 'tomas@ferreiratex.example',
      twitterField: '@tferreira',
    });

    click(document, '[data-zcqa="next_record"]');
    await settle(window);
    expect(readRecord(document)?.ref.id).toBe('4876876000000333003');
    expect(readRecord(document)?.fields.twitterField).toBe('x.com/meitanaka');

    window.history.back();
    await settle(window);
    expect(readRecord(document)?.fields.fullName).toBe('Tomás Ferreira');
  });

  it('follows Salesforce between records without reading the cached ones', async () => {
    const { window, document } = openFixture(
      'salesforce/spa.html',
      'https://acme.lightning.force.com/lightning/o/Lead/list',
      {
        scripts: true,
      },
    );
    await settle(window);
    expect(readRecord(document)).toBeUndefined();

    click(document, 'a[data-recordid="00Q5g00000AbCdEEAV"]');
    await settle(window);
    expect(readRecord(document)?.fields.fullName).toBe("José Núñez-O'Brien");

    click(document, '.active [data-test="next-lead"]');
    // José's view is still the active one until Ingrid's renders: no title for Ingrid yet.
    expect(readRecord(document)?.ref.id).toBe('00Q8a00000Lm9NoEAJ');
    expect(readRecord(document)?.title).toBeNull();
    await settle(window);
    expect(readRecord(document)?.fields).toEqual({
      fullName: 'Ingrid Bergström',
      company: 'Fjord Analytics',
      email: 'ingrid@fjordanalytics.example',
      twitterField: 'ingridb',
    });
    expect(document.querySelectorAll('.windowViewMode-normal').length).toBe(3);

    window.history.back();
    await settle(window);
    expect(readRecord(document)?.fields.email).toBe('jose@nunezhijos.example');
  });
});
