import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { recordUiHost, serveCrmPages } from './harness/crm-pages';
import { panelFrame as panelFrameOf } from './harness/record-panel';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';

let chromium: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  chromium = await launchWithExtension();
  page = await chromium.browser.newPage();
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
});
afterAll(() => chromium?.close());

// The panel's address carries its token in the fragment until the panel takes it off.
const panelFrame = (): Promise<Frame> => panelFrameOf(page);

describe('a Zoho CRM lead page', () => {
  it('shows the X icon right after the lead’s name, in a closed shadow root', async () => {
    await page.goto(LEAD_URL);
    await page.waitForSelector('x-crm-record', { timeout: 10_000 });
    expect(await recordUiHost(page)).toEqual({
      openShadowRoot: false,
      previousText: 'Maria Garcia',
      inBody: false,
      pageIframes: 0,
    });
  });

  it('opens the panel from the icon, found by its accessible name, and shows the lead read from the page', async () => {
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const panel = await panelFrame();
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Maria Garcia', {
      timeout: 10_000,
    });
    // biome-ignore lint/performance/useDomNodeTextContent: the test asserts the rendered text a user reads
    const shown = await panel.evaluate(() => document.body.innerText);
    expect(shown).toContain('Lead in Zoho CRM');
    expect(shown).toContain('Acme Robotics');
    expect(shown).toContain('maria@acmerobotics.com');
    // The lead's Twitter field is empty: nothing from the next row may be taken for it.
    expect(shown).not.toContain('X handle in the CRM');
    // The panel lives inside the closed root: the page has no iframe it could read or copy.
    expect((await recordUiHost(page))?.pageIframes).toBe(0);
  });
});
