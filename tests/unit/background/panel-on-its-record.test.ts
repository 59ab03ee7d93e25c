import type { Runtime, Tabs } from 'webextension-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/entrypoints/background/handlers';
import { panelIsOnItsRecord } from '@/entrypoints/background/panel-place';
import { forgetRecordsOfDepartedTabs } from '@/entrypoints/background/tab-departures';
import type { CrmRecord } from '@/lib/crm/record';
import { createRouter } from '@/lib/messages/router';
import { registerPanelToken } from '@/lib/store/panel-tokens';
import { getTabRecord, setTabRecord } from '@/lib/store/tab-records';

const ZOHO = 'https://crm.zoho.com';
const LEAD_URL = `${ZOHO}/crm/org123/tab/Leads/4876876000000333001`;
const lead: CrmRecord = {
  crm: 'zoho',
  tenant: 'zoho.com',
  type: 'lead',
  id: '4876876000000333001',
  url: LEAD_URL,
  fullName: 'Maria Garcia',
};

describe('the panel shows only directly in its tab’s CRM page', () => {
  const place = { ancestorOrigins: [ZOHO], parentIsTop: true, recordUrl: LEAD_URL, tabUrl: LEAD_URL };

  it('accepts the place the icon puts it: one ancestor, the record page’s origin', () => {
    expect(panelIsOnItsRecord(place)).toBe(true);
  });

  it.each([
    ['framed by another site inside the CRM page', { ancestorOrigins: ['https://widgets.example', ZOHO] }],
    ['in a frame of the CRM’s own origin', { ancestorOrigins: [ZOHO, ZOHO], parentIsTop: false }],
    ['in a nested frame, by its own account', { parentIsTop: false }],
    ['in another site’s page', { ancestorOrigins: ['https://evil.example'] }],
    ['on another CRM host than the record’s', { ancestorOrigins: ['https://crm.zoho.eu'] }],
    ['opened as a page of its own', { ancestorOrigins: [] }],
    ['in a tab with no record', { recordUrl: undefined }],
    [
      'without ancestorOrigins, in a tab the browser says is elsewhere',
      { ancestorOrigins: null, tabUrl: 'https://evil.example/' },
    ],
    [
      'without ancestorOrigins, in a tab whose URL the browser withholds',
      { ancestorOrigins: null, tabUrl: undefined },
    ],
  ])('refuses a panel %s', (_label, change) => {
    expect(panelIsOnItsRecord({ ...place, ...change })).toBe(false);
  });

  it('without ancestorOrigins (Firefox), trusts the browser’s word on the tab', () => {
    expect(panelIsOnItsRecord({ ...place, ancestorOrigins: null })).toBe(true);
  });

  it('answers the panel through the router, with the reason when refused', async () => {
    fakeBrowser.reset();
    const self = { extensionId: 'ourextensionid', extensionOrigins: ['chrome-extension://ourextensionid'] };
    const route = createRouter(handlers, self);
    const fromPanel: Runtime.MessageSender = {
      id: self.extensionId,
      url: 'chrome-extension://ourextensionid/panel.html',
      tab: { id: 7, url: LEAD_URL } as Tabs.Tab,
    };
    await setTabRecord(7, lead);
    const panelToken = '5e'.repeat(32);
    await registerPanelToken(7, 0, panelToken);
    const ask = (ancestorOrigins: string[] | null) =>
      route({ name: 'panelPlace', input: { ancestorOrigins, parentIsTop: true }, panelToken }, fromPanel);
    expect(await ask([ZOHO])).toEqual({ ok: true, value: null });
    expect(await ask(['https://widgets.example', ZOHO])).toEqual({
      ok: false,
      error: {
        code: 'panel-misplaced',
        message:
          'The X panel works only where the X icon opens it, on the CRM page of this tab’s record. It shows nothing here.',
      },
    });
  });
});

describe('a tab’s record is forgotten when the tab leaves it', () => {
  let tabId: number;

  beforeEach(async () => {
    fakeBrowser.reset();
    fakeBrowser.permissions.getAll = async () => ({ origins: [], permissions: [] });
    forgetRecordsOfDepartedTabs();
    tabId = (await fakeBrowser.tabs.create({ url: LEAD_URL })).id ?? -1;
    await setTabRecord(tabId, lead);
  });

  it('keeps it on the same record (another tab of the record page, a reload)', async () => {
    await fakeBrowser.tabs.update(tabId, { url: `${LEAD_URL}?sub_module=Notes#top` });
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, {
      id: tabId,
      url: LEAD_URL,
    } as Tabs.Tab);
    expect(await getTabRecord(tabId)).toEqual(lead);
  });

  it.each([
    ['another site', 'https://www.example.com/'],
    ['another Zoho data centre', 'https://crm.zoho.eu/crm/org123/tab/Leads/4876876000000333001'],
  ])('forgets it when the tab goes to %s', async (_label, url) => {
    await fakeBrowser.tabs.update(tabId, { url });
    await expect.poll(() => getTabRecord(tabId)).toBeNull();
  });

  it('forgets it when the tab loads a list view of the same CRM, whose page tells the worker nothing', async () => {
    await fakeBrowser.tabs.update(tabId, { url: `${ZOHO}/crm/org123/tab/Leads/custom-view/1/list` });
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, {
      id: tabId,
      url: `${ZOHO}/crm/org123/tab/Leads/custom-view/1/list`,
    } as Tabs.Tab);
    await expect.poll(() => getTabRecord(tabId)).toBeNull();
  });

  it('forgets it when the tab loads a site whose URL the browser withholds', async () => {
    await fakeBrowser.tabs.onUpdated.trigger(tabId, { status: 'loading' }, { id: tabId } as Tabs.Tab);
    await expect.poll(() => getTabRecord(tabId)).toBeNull();
  });

  it('forgets it when the tab closes', async () => {
    await fakeBrowser.tabs.onRemoved.trigger(tabId, { windowId: 1, isWindowClosing: false });
    await expect.poll(() => getTabRecord(tabId)).toBeNull();
  });
});
