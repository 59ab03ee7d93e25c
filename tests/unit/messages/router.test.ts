import { beforeEach, describe, expect, it } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/entrypoints/background/handlers';
import type { CrmRecord } from '@/lib/crm/record';
import { createRouter } from '@/lib/messages/router';
import { getTabRecord } from '@/lib/store/tab-records';

const self = { extensionId: 'ourextensionid', extensionOrigins: ['chrome-extension://ourextensionid'] };
const route = createRouter(handlers, self);

const zohoTab = { id: 7 } as Tabs.Tab;
const fromZoho: Runtime.MessageSender = {
  id: self.extensionId,
  url: 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001',
  tab: zohoTab,
};
const fromPanel: Runtime.MessageSender = {
  id: self.extensionId,
  url: 'chrome-extension://ourextensionid/panel.html',
  tab: zohoTab,
};

const record: CrmRecord = {
  crm: 'zoho',
  tenant: 'zoho.com',
  type: 'lead',
  id: '4876876000000333001',
  url: 'https://crm.zoho.com/crm/org123/tab/Leads/4876876000000333001',
  fullName: 'Maria Garcia',
  company: 'Acme Robotics',
  email: 'maria@acmerobotics.com',
};

describe('message router', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the record a CRM content script reports and gives it to the panel of that tab', async () => {
    expect(await route({ name: 'recordDetected', input: { ...record, at: 1 } }, fromZoho)).toEqual({
      ok: true,
      value: null,
    });
    const panelToken = 'a1'.repeat(32);
    await route({ name: 'panelOpening', input: { token: panelToken } }, fromZoho);
    expect(await route({ name: 'panelView', input: {}, panelToken }, fromPanel)).toMatchObject({
      ok: true,
      value: { record },
    });
  });

  it.each([
    ['not an object', 'recordDetected'],
    ['missing input', { name: 'recordDetected' }],
    ['extra keys', { name: 'panelTab', input: {}, sneaky: true }],
    ['a number', 42],
    ['null', null],
  ])('refuses a malformed message (%s) with a clear error', async (_label, message) => {
    const reply = await route(message, fromZoho);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'malformed-message', message: 'The message is not in the expected form.' },
    });
  });

  it('refuses input that does not fit the schema and stores nothing', async () => {
    const reply = await route(
      { name: 'recordDetected', input: { ...record, type: 'deal', url: 'javascript:alert(1)' } },
      fromZoho,
    );
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('invalid-input');
    expect(!reply.ok && reply.error.message).toMatch(/“recordDetected” has invalid input/);
    expect(await getTabRecord(7)).toBeNull();
  });

  it('refuses a content-script message from a page that is not an allowed CRM host', async () => {
    const fromElsewhere = {
      ...fromZoho,
      url: 'https://crm.zoho.com.evil.example/crm/org123/tab/Leads/4876876000000333001',
    };
    const reply = await route({ name: 'recordDetected', input: record }, fromElsewhere);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'sender-not-allowed', message: '“recordDetected” is not accepted from this sender.' },
    });
    expect(await getTabRecord(7)).toBeNull();
  });

  it('refuses messages from another extension, and panel-only messages from a content script', async () => {
    const otherExtension = { ...fromPanel, id: 'someoneelse' };
    expect(await route({ name: 'panelTab', input: {} }, otherExtension)).toMatchObject({
      ok: false,
      error: { code: 'sender-not-allowed' },
    });
    expect(await route({ name: 'panelTab', input: {} }, fromZoho)).toMatchObject({
      ok: false,
      error: { code: 'sender-not-allowed' },
    });
  });

  it('names an unknown message instead of failing silently', async () => {
    expect(await route({ name: 'deleteEverything', input: {} }, fromPanel)).toEqual({
      ok: false,
      error: { code: 'unknown-message', message: 'There is no message called “deleteEverything”.' },
    });
    // Inherited object keys are not messages either.
    expect(await route({ name: 'toString', input: {} }, fromPanel)).toMatchObject({
      error: { code: 'unknown-message' },
    });
  });
});
