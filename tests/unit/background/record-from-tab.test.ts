import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/entrypoints/background/handlers';
import type { CrmRecord } from '@/lib/crm/record';
import { createRouter } from '@/lib/messages/router';
import { database } from '@/lib/store/db';
import { getTabRecord, setTabRecord } from '@/lib/store/tab-records';
import { saveUserRules } from '@/lib/store/user-rules';

const self = {
  extensionId: 'ourextensionid',
  extensionOrigins: ['chrome-extension://ourextensionid'],
  userRuleHosts: ['https://crm.example.org/*'],
};
const route = createRouter(handlers, self);

const ZOHO_URL = 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001';
const tab = { id: 7 } as Tabs.Tab;
const from = (url: string): Runtime.MessageSender => ({ id: self.extensionId, url, tab });

const zohoLead: CrmRecord = {
  crm: 'zoho',
  tenant: 'zoho.com',
  type: 'lead',
  id: '4876876000000333001',
  url: ZOHO_URL,
  fullName: 'Maria Garcia',
};

/** A rule for a CRM no adapter knows, as the manager saves it. */
const rule = {
  id: 'rule-1',
  name: 'Example CRM',
  matches: 'https://crm.example.org/*',
  pathKind: 'pattern',
  path: '/people/:id',
  type: 'contact',
  fields: { name: { by: 'selector', value: 'h1' } },
};

function grant(origins: string[]) {
  fakeBrowser.permissions.getAll = async () => ({ origins, permissions: [] });
}

describe('a reported record is the one the tab’s own URL names', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    grant([]);
  });

  it('keeps a record its tab’s URL names, with the URL the browser gave, not the one reported', async () => {
    const reported = { ...zohoLead, url: 'https://phishing.example/crm/tab/Leads/1' };
    const reply = await route(
      { name: 'recordDetected', input: { ...reported, at: 1 } },
      from(`${ZOHO_URL}?tab=notes#top`),
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(await getTabRecord(7)).toEqual({ ...zohoLead, url: `${ZOHO_URL}?tab=notes#top` });
  });

  it.each([
    ['another vendor’s record from an Odoo host', 'https://acme-robotics.odoo.com/odoo/crm/42', zohoLead],
    ['another organisation’s record on the same vendor', ZOHO_URL, { ...zohoLead, tenant: 'org999' }],
    ['another record of the same organisation', ZOHO_URL, { ...zohoLead, id: '4876876000000333999' }],
    ['a lead reported from a contact page', ZOHO_URL.replace('Leads', 'Contacts'), zohoLead],
    ['a record from the CRM’s list view', 'https://crm.zoho.com/crm/org123/tab/Leads', zohoLead],
    [
      'a rule’s record from a built-in CRM page',
      ZOHO_URL,
      { ...zohoLead, crm: 'custom', tenant: 'crm.zoho.com', type: 'contact' },
    ],
  ] as const)('refuses %s and keeps what the tab had', async (_label, senderUrl, input) => {
    const earlier = { ...zohoLead, id: '4876876000000333777', url: ZOHO_URL.replace('333001', '333777') };
    await setTabRecord(7, earlier);
    const reply = await route({ name: 'recordDetected', input: { ...input, at: 1 } }, from(senderUrl));
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'record-not-on-page',
        message: 'This record is not the one the tab’s address names; it was not kept.',
      },
    });
    expect(await getTabRecord(7)).toEqual(earlier);
  });

  it('follows a single-page CRM: the top frame’s URL is the tab’s, not the one the document loaded at', async () => {
    const listView = 'https://crm.zoho.com/crm/org123/tab/Leads/listview';
    const afterPushState = { ...from(listView), frameId: 0, tab: { ...tab, url: ZOHO_URL } };
    expect(await route({ name: 'recordDetected', input: { ...zohoLead, at: 1 } }, afterPushState)).toEqual({
      ok: true,
      value: null,
    });
    expect((await getTabRecord(7))?.url).toBe(ZOHO_URL);
    // A frame below the top is judged by its own URL.
    const subframe = { ...from(listView), frameId: 3, tab: { ...tab, url: ZOHO_URL } };
    expect(await route({ name: 'recordDetected', input: { ...zohoLead, at: 1 } }, subframe)).toMatchObject({
      ok: false,
    });
  });

  it('keeps the report the content script decided last, whatever order the checks finish in', async () => {
    const next = { ...zohoLead, id: '4876876000000333002', url: ZOHO_URL.replace('333001', '333002') };
    expect(await route({ name: 'recordDetected', input: { ...next, at: 2_000 } }, from(next.url))).toEqual({
      ok: true,
      value: null,
    });
    // The record before it, decided earlier, whose check on the tab's URL took longer.
    await route({ name: 'recordDetected', input: { ...zohoLead, at: 1_000 } }, from(ZOHO_URL));
    await route({ name: 'recordLeft', input: { at: 1_500 } }, from(ZOHO_URL));
    expect(await getTabRecord(7)).toEqual(next);
    // A page without a record, decided after it, is news.
    await route(
      { name: 'recordLeft', input: { at: 2_500 } },
      from('https://crm.zoho.com/crm/org123/tab/Leads'),
    );
    expect(await getTabRecord(7)).toBeNull();
  });

  it('refuses a record when the browser gave no URL for the sender', async () => {
    const reply = await route(
      { name: 'recordDetected', input: { ...zohoLead, at: 1 } },
      { id: self.extensionId, tab },
    );
    expect(reply.ok).toBe(false);
    expect(await getTabRecord(7)).toBeNull();
  });

  describe('on a host of the user’s rules', () => {
    const ruleRecord: CrmRecord = {
      crm: 'custom',
      tenant: 'crm.example.org',
      type: 'contact',
      id: '31',
      url: 'https://crm.example.org/people/31',
      fullName: 'Ana Núñez',
    };

    beforeEach(async () => {
      await saveUserRules(await database(), [rule]);
    });

    it('keeps the record the granted rule reads from the URL', async () => {
      grant(['https://crm.example.org/*']);
      const reply = await route(
        { name: 'recordDetected', input: { ...ruleRecord, at: 1 } },
        from('https://crm.example.org/people/31'),
      );
      expect(reply).toEqual({ ok: true, value: null });
      expect(await getTabRecord(7)).toEqual(ruleRecord);
    });

    it('refuses another id than the URL’s, and any record once the host is no longer granted', async () => {
      grant(['https://crm.example.org/*']);
      const otherId = await route(
        { name: 'recordDetected', input: { ...ruleRecord, id: '32', at: 1 } },
        from('https://crm.example.org/people/31'),
      );
      expect(otherId).toMatchObject({ ok: false, error: { code: 'record-not-on-page' } });
      grant([]);
      const ungranted = await route(
        { name: 'recordDetected', input: { ...ruleRecord, at: 1 } },
        from('https://crm.example.org/people/31'),
      );
      expect(ungranted).toMatchObject({ ok: false, error: { code: 'record-not-on-page' } });
      expect(await getTabRecord(7)).toBeNull();
    });
  });
});
