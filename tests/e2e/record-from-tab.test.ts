import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type ContentScriptEval, contentScriptWorld } from './harness/content-script-world';
import { serveCrmPages } from './harness/crm-pages';
import { panelRecord, waitForPanelName } from './harness/record-panel';

/**
 * A content script is on the CRM's page, and whatever runs in its world can message the
 * worker. Whatever it reports, the worker keeps only the record the tab's own URL names,
 * under the tab's URL.
 */

const ODOO_LEAD = 'https://acme-robotics.odoo.com/odoo/crm/42';

let chromium: ExtensionBrowser;
let page: Page;
let inContentScript: ContentScriptEval;

/** The records the worker keeps per tab (storage.session, which only it and its pages read). */
async function storedRecords(): Promise<{ fullName: string; crm: string; url: string }[]> {
  const worker = await chromium.worker();
  const all = (await worker.evaluate('chrome.storage.session.get(null)')) as Record<string, unknown>;
  return Object.entries(all)
    .filter(([key]) => key.startsWith('tab-record:'))
    .map(([, value]) => (value as { record: { fullName: string; crm: string; url: string } | null }).record)
    .filter((record) => record !== null);
}

const report = (record: Record<string, string>) =>
  inContentScript(
    `chrome.runtime.sendMessage({ name: 'recordDetected', input: { ...${JSON.stringify(record)}, at: performance.timeOrigin + performance.now() } })`,
  ) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;

beforeAll(async () => {
  chromium = await launchWithExtension();
  page = await chromium.browser.newPage();
  inContentScript = await contentScriptWorld(page);
  await serveCrmPages(page, [{ url: ODOO_LEAD, fixture: 'odoo/lead.html' }]);
  await page.goto(ODOO_LEAD);
  await page.waitForSelector('x-crm-record');
  await page.locator('::-p-aria(Open X panel for Ahmed Yılmaz)').click();
  await waitForPanelName(page, 'Ahmed Yılmaz');
});
afterAll(() => chromium?.close());

describe('a record reported from a CRM tab is the one its URL names', () => {
  it('refuses another organisation’s Zoho record sent from an Odoo tab; the tab keeps its own', async () => {
    const reply = await report({
      crm: 'zoho',
      tenant: 'org999',
      type: 'lead',
      id: '4876876000000333001',
      url: 'https://unrelated.example/landing',
      fullName: 'Forged Person',
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'record-not-on-page',
        message: 'This record is not the one the tab’s address names; it was not kept.',
      },
    });
    expect(await storedRecords()).toEqual([
      expect.objectContaining({ crm: 'odoo', fullName: 'Ahmed Yılmaz', url: ODOO_LEAD }),
    ]);
    expect((await panelRecord(await waitForPanelName(page, 'Ahmed Yılmaz'))).text).not.toContain('Forged');
  });

  it('refuses another record of the same Odoo database', async () => {
    const reply = await report({
      crm: 'odoo',
      tenant: 'acme-robotics.odoo.com',
      type: 'lead',
      id: '43',
      url: 'https://acme-robotics.odoo.com/odoo/crm/43',
      fullName: 'Forged Person',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'record-not-on-page' } });
    expect((await storedRecords()).map((record) => record.fullName)).toEqual(['Ahmed Yılmaz']);
  });

  it('keeps the tab’s record under the tab’s URL, whatever URL the report carries', async () => {
    const [own] = await storedRecords();
    const reply = await report({
      ...(own as unknown as Record<string, string>),
      url: 'https://unrelated.example/',
    });
    expect(reply).toEqual({ ok: true, value: null });
    expect((await storedRecords()).map((record) => record.url)).toEqual([ODOO_LEAD]);
  });
});
