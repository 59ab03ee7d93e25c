import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '@/lib/store/settings';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { type CrmRoute, recordUiHost, serveCrmPages } from './harness/crm-pages';
import { pageDecision } from './harness/page-decision';
import { panelRecord, recordIcons, waitForPanelName } from './harness/record-panel';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const LIST_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/listview';
const HUBSPOT_URL = 'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801';

/** Longer than the content script waits for a title (4 s) before it floats the icon. */
const TITLE_TIMEOUT_MS = 4000;

let chromium: ExtensionBrowser;

beforeAll(async () => {
  chromium = await launchWithExtension();
});
afterAll(() => chromium?.close());

async function openPage(route: CrmRoute): Promise<Page> {
  const page = await chromium.browser.newPage();
  await serveCrmPages(page, [route]);
  await page.goto(route.url);
  return page;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a CRM redesign that moved the record’s title', () => {
  it('floats the icon at the end of the page, and the panel takes the name from the tab title', async () => {
    // The header's name element is renamed: no selector of the Zoho adapter finds it.
    const page = await openPage({
      url: LEAD_URL,
      fixture: 'zoho/lead.html',
      edit: (html) =>
        html.replace(
          '<lyte-text class="dvRecordName" data-zcqa="detailView_headerName">Maria Garcia</lyte-text>',
          '<h2 class="record-title-2025">Maria Garcia</h2>',
        ),
    });
    await page.waitForSelector('x-crm-record', { timeout: TITLE_TIMEOUT_MS + 5000 });
    expect(await recordIcons(page)).toMatchObject({
      count: 1,
      floating: true,
      lastInBody: true,
      openShadowRoot: false,
    });
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const panel = await waitForPanelName(page, 'Maria Garcia');
    expect((await panelRecord(panel)).rows.Email).toBe('maria@acmerobotics.com');
    await page.close();
  });
});

describe('a CRM that re-renders the record header', () => {
  it('puts exactly one icon back after the new title, every time', async () => {
    const page = await openPage({ url: LEAD_URL, fixture: 'zoho/lead.html' });
    await page.waitForSelector('x-crm-record', { timeout: 10_000 });
    for (const round of [1, 2, 3]) {
      // What a framework re-render does: the whole header is thrown away and built anew.
      await page.evaluate((n) => {
        const header = document.getElementById('recHeader1');
        const fresh = document.createElement('div');
        fresh.id = 'recHeader1';
        fresh.innerHTML = `<lyte-text class="dvRecordName" data-zcqa="detailView_headerName" data-render="${n}">Maria Garcia</lyte-text>`;
        header?.replaceWith(fresh);
      }, round);
      await page.waitForFunction(
        (n) =>
          document.querySelector(`[data-render="${n}"]`)?.nextElementSibling?.localName === 'x-crm-record',
        { timeout: 5000 },
        round,
      );
      expect(await recordIcons(page)).toMatchObject({
        count: 1,
        floating: false,
        anchorText: 'Maria Garcia',
      });
    }
    // The page drops only the icon: it comes back, still alone.
    await page.evaluate(() => document.querySelector('x-crm-record')?.remove());
    await page.waitForSelector('x-crm-record', { timeout: 5000 });
    await pause(200);
    expect(await recordIcons(page)).toMatchObject({ count: 1, anchorText: 'Maria Garcia' });
    await page.close();
  });
});

describe('a Zoho list view', () => {
  it('gets nothing injected', async () => {
    const page = await openPage({ url: LIST_URL, fixture: 'zoho/leads-list.html' });
    await pageDecision(page, 'no record');
    expect(await recordUiHost(page)).toBeNull();
    await page.close();
  });
});

describe('a vendor the user switched off in the manager', () => {
  let manager: Page;
  /** Switches vendors off (and the others of these on) with the manager's own control. */
  const setDisabledCrms = async (disabledCrms: Settings['disabledCrms']) => {
    const names = { zoho: 'Zoho CRM', odoo: 'Odoo' } as const;
    // The accessibility tree a person (and the aria query) uses is the front tab's.
    await manager.bringToFront();
    for (const [crm, name] of Object.entries(names)) {
      const box = await manager.waitForSelector(`::-p-aria([name="${name}"][role="checkbox"])`);
      const shown = await box?.evaluate((input) => (input as HTMLInputElement).checked);
      if (shown === disabledCrms.includes(crm as keyof typeof names)) await box?.click();
    }
    await manager.locator('::-p-aria(Save settings)').click();
    await manager.waitForSelector('::-p-text(Settings saved.)');
  };
  /**
   * Changes the settings in the manager, then looks at the CRM tab again, as a person does: a
   * wait for the icon to go polls on animation frames, which a tab in the background may not get.
   */
  const setDisabledCrmsAndLook = async (page: Page, disabledCrms: Settings['disabledCrms']) => {
    await setDisabledCrms(disabledCrms);
    await page.bringToFront();
  };

  beforeAll(async () => {
    manager = await chromium.browser.newPage();
    await manager.goto(`chrome-extension://${chromium.extensionId}/options.html`);
  });
  afterAll(() => manager?.close());

  it('shows no icon on that vendor’s pages, while other vendors keep theirs', async () => {
    await setDisabledCrms(['zoho']);
    const zoho = await openPage({ url: LEAD_URL, fixture: 'zoho/lead.html' });
    const hubspot = await openPage({ url: HUBSPOT_URL, fixture: 'hubspot/contact.html' });
    await hubspot.waitForSelector('x-crm-record', { timeout: 10_000 });
    await pageDecision(zoho, 'switched off');
    expect(await recordUiHost(zoho)).toBeNull();
    await Promise.all([zoho.close(), hubspot.close()]);
  });

  it('shows the icon as soon as the vendor is switched back on, and removes it when switched off', async () => {
    const page = await openPage({ url: LEAD_URL, fixture: 'zoho/lead.html' });
    await pageDecision(page, 'switched off');
    expect(await recordUiHost(page)).toBeNull();
    await setDisabledCrmsAndLook(page, []);
    await page.waitForSelector('x-crm-record', { timeout: 5000 });
    expect(await recordIcons(page)).toMatchObject({ count: 1, anchorText: 'Maria Garcia' });
    await setDisabledCrmsAndLook(page, ['zoho', 'odoo']);
    await page.waitForSelector('x-crm-record', { hidden: true, timeout: 5000 });
    await setDisabledCrmsAndLook(page, []);
    await page.waitForSelector('x-crm-record', { timeout: 5000 });
    await page.close();
  });
});
