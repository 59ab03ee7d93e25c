import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/entrypoints/background/handlers';
import { forgetRecordsOfDepartedTabs } from '@/entrypoints/background/tab-departures';
import type { CrmRecord } from '@/lib/crm/record';
import { newPanelToken, panelTokenFragment, panelTokenFromFragment } from '@/lib/messages/panel-token';
import { createRouter } from '@/lib/messages/router';
import { setTabRecord } from '@/lib/store/tab-records';

// The worker answers a panel only when it presents the live token its tab's content script drew
// for its frame: Firefox lets any page that knows the add-on's UUID frame panel.html itself.

const self = { extensionId: 'ourextensionid', extensionOrigins: ['chrome-extension://ourextensionid'] };
const LEAD_URL = 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001';
const lead: CrmRecord = {
  crm: 'zoho',
  tenant: 'zoho.com',
  type: 'lead',
  id: '4876876000000333001',
  url: LEAD_URL,
  fullName: 'Maria Garcia',
};

const contentScript = (tabId: number, frameId = 0): Runtime.MessageSender => ({
  id: self.extensionId,
  url: LEAD_URL,
  tab: { id: tabId, url: LEAD_URL } as Tabs.Tab,
  frameId,
});
const panel = (tabId: number): Runtime.MessageSender => ({
  id: self.extensionId,
  url: 'chrome-extension://ourextensionid/panel.html',
  tab: { id: tabId, url: LEAD_URL } as Tabs.Tab,
  frameId: 42,
});

const NOT_FROM_ICON = {
  ok: false,
  error: {
    code: 'panel-not-opened-by-icon',
    message:
      'This X panel was not opened by the X icon on this page, so it shows nothing and does nothing. Open it from the X icon beside the record’s name.',
  },
};

let route: ReturnType<typeof createRouter>;
/** The content script of `tabId` opens a panel: a fresh token, registered as the panel host does. */
async function openPanel(tabId: number, frameId = 0): Promise<string> {
  const token = newPanelToken();
  expect(await route({ name: 'panelOpening', input: { token } }, contentScript(tabId, frameId))).toEqual({
    ok: true,
    value: null,
  });
  return token;
}
const askView = (tabId: number, panelToken?: string) =>
  route({ name: 'panelView', input: {}, ...(panelToken === undefined ? {} : { panelToken }) }, panel(tabId));

beforeEach(async () => {
  fakeBrowser.reset();
  route = createRouter(handlers, self);
  await setTabRecord(7, lead);
  await setTabRecord(8, { ...lead, id: '4876876000000333002', url: `${LEAD_URL.slice(0, -1)}2` });
});

describe('the panel token', () => {
  it('is 256 random bits in hexadecimal, new each time, read back from the fragment', () => {
    const tokens = new Set(Array.from({ length: 50 }, newPanelToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      expect(panelTokenFromFragment(panelTokenFragment(token))).toBe(token);
    }
  });

  it.each([
    ['no fragment', ''],
    ['an empty fragment', '#'],
    ['a short token', `#${'a'.repeat(63)}`],
    ['a long one', `#${'a'.repeat(65)}`],
    ['upper case', `#${'A'.repeat(64)}`],
    ['other words', '#token=1'],
  ])('is not found in %s', (_label, hash) => {
    expect(panelTokenFromFragment(hash)).toBeNull();
  });
});

describe('the worker answers a panel only with its tab’s live token', () => {
  it('answers the panel that presents the token its tab’s content script registered', async () => {
    const token = await openPanel(7);
    expect(await askView(7, token)).toMatchObject({ ok: true, value: { record: lead } });
  });

  it.each([
    ['no token (a panel.html framed by some page)', undefined],
    ['a token nobody registered', 'b'.repeat(64)],
    ['an empty token', ''],
  ])('refuses a panel with %s, and tells it why', async (_label, token) => {
    await openPanel(7);
    expect(await askView(7, token)).toEqual(NOT_FROM_ICON);
  });

  it('refuses every panel message, not only the first, without a token', async () => {
    await openPanel(7);
    for (const [name, input] of [
      ['panelTab', {}],
      ['panelPlace', { ancestorOrigins: null, parentIsTop: true }],
      ['actingAccounts', {}],
      ['peopleSearch', {}],
      ['permissions', {}],
    ] as const) {
      expect(await route({ name, input }, panel(7))).toEqual(NOT_FROM_ICON);
    }
  });

  it('refuses another tab’s token', async () => {
    const other = await openPanel(8);
    await openPanel(7);
    expect(await askView(7, other)).toEqual(NOT_FROM_ICON);
    expect(await askView(8, other)).toMatchObject({ ok: true });
  });

  it('refuses the token of a panel the content script has since replaced', async () => {
    const first = await openPanel(7);
    const second = await openPanel(7);
    expect(await askView(7, first)).toEqual(NOT_FROM_ICON);
    expect(await askView(7, second)).toMatchObject({ ok: true });
  });

  it('keeps one live token per content-script frame of a tab', async () => {
    const top = await openPanel(7, 0);
    const inFrame = await openPanel(7, 3);
    expect(await askView(7, top)).toMatchObject({ ok: true });
    expect(await askView(7, inFrame)).toMatchObject({ ok: true });
  });

  it('forgets a closed tab’s tokens', async () => {
    forgetRecordsOfDepartedTabs();
    const token = await openPanel(7);
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await setTabRecord(7, lead);
    await expect.poll(() => askView(7, token)).toEqual(NOT_FROM_ICON);
  });

  it('still answers the open panel after the worker restarted (the token is in storage.session)', async () => {
    const token = await openPanel(7);
    const restarted = createRouter(handlers, self);
    expect(await restarted({ name: 'panelView', input: {}, panelToken: token }, panel(7))).toMatchObject({
      ok: true,
    });
  });

  it('takes a token only from a CRM content script, in the token’s form', async () => {
    const token = newPanelToken();
    // A panel cannot make itself a token, nor can any other extension page.
    expect(await route({ name: 'panelOpening', input: { token } }, panel(7))).toMatchObject({
      ok: false,
      error: { code: 'sender-not-allowed' },
    });
    expect(await askView(7, token)).toEqual(NOT_FROM_ICON);
    for (const bad of ['', 'x'.repeat(64), 'a'.repeat(200)]) {
      expect(await route({ name: 'panelOpening', input: { token: bad } }, contentScript(7))).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
  });

  it('lets other extension pages talk without a token, and refuses a token in their envelope that is too long', async () => {
    const popup = { id: self.extensionId, url: 'chrome-extension://ourextensionid/popup.html' };
    expect(await route({ name: 'draftList', input: {} }, popup)).toMatchObject({ ok: true });
    expect(
      await route({ name: 'panelView', input: {}, panelToken: 'a'.repeat(101) }, panel(7)),
    ).toMatchObject({ ok: false, error: { code: 'malformed-message' } });
  });
});
