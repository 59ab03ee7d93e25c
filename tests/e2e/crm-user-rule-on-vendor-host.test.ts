import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { serveCrmPages } from './harness/crm-pages';
import { recordIcons } from './harness/record-panel';
import { sendFrom } from './harness/worker-messages';

/**
 * A rule on a built-in CRM's host, for records its reader does not know (a Zoho custom
 * module). There the rules' path matcher and the manifest's CRM page script both start with
 * the document, in an order the browser does not promise; the page must show the icon either way.
 */
const HOST = 'https://crm.zoho.com/*';
const CUSTOM_RECORD_URL = 'https://crm.zoho.com/crm/org123456/tab/CustomModule1/4876876000000999001';

let chromium: ExtensionBrowser;
let manager: Page;

beforeAll(async () => {
  chromium = await launchWithExtension([], { grantedHosts: [HOST] });
  manager = await chromium.browser.newPage();
  await manager.goto(`chrome-extension://${chromium.extensionId}/options.html`);
});
afterAll(() => chromium?.close());

/** The hosts of the content scripts the worker registered, as the browser holds them. */
async function registeredHosts(): Promise<string[]> {
  const scripts: { matches?: string[] }[] = await manager.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: the page's own extension API, untyped here
    () => (globalThis as any).chrome.scripting.getRegisteredContentScripts(),
  );
  return scripts.flatMap((script) => script.matches ?? []);
}

describe('a user rule on a built-in CRM’s host', () => {
  it('shows the icon on a record of a module the CRM’s reader does not know', async () => {
    const rule = {
      id: 'zoho-custom-module',
      name: 'Zoho custom module',
      matches: HOST,
      pathKind: 'pattern',
      path: '/crm/:org/tab/CustomModule1/:id',
      type: 'contact',
      fields: {
        name: { by: 'selector', value: '[data-zcqa="detailView_headerName"]' },
        email: { by: 'label', value: 'Email' },
      },
    };
    expect(await sendFrom(manager, 'ruleSave', rule)).toMatchObject({ ok: true });
    // The worker registers the matcher for the host at document_start.
    await expect.poll(registeredHosts).toContain(HOST);
    for (let load = 0; load < 3; load++) {
      const crm = await chromium.browser.newPage();
      await serveCrmPages(crm, [{ url: CUSTOM_RECORD_URL, fixture: 'zoho/lead.html' }]);
      await crm.goto(CUSTOM_RECORD_URL);
      await crm.waitForSelector('x-crm-record', { timeout: 10_000 });
      expect(await recordIcons(crm)).toMatchObject({ count: 1, floating: false, anchorText: 'Maria Garcia' });
      await crm.close();
    }
  });
});
