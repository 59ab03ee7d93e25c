import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContentScriptEval, contentScriptWorld } from './harness/content-script-world';
import { serveCrmPages } from './harness/crm-pages';
import { panelFrame } from './harness/record-panel';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const HUBSPOT_URL = 'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801';
const ALL_CRMS = ['zoho', 'salesforce', 'hubspot', 'pipedrive', 'dynamics', 'odoo', 'custom'];

let run: WithX;
let page: Page;
/** Runs code in the extension's content-script world on the CRM page, as the content script could. */
let inContentScript: ContentScriptEval;

/** X API reads the emulator answered (sign-in and token calls left out). */
const xReads = () => run.x.calls.filter((call) => call.endpoint.startsWith('GET /2/')).length;

/** Opens the panel on the lead and waits for the person's posts: one view of the record. */
async function viewRecord(): Promise<Frame> {
  await page.goto(LEAD_URL);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const panel = await panelFrame(page);
  await panel.waitForSelector('ol.posts li', { timeout: 10_000 });
  return panel;
}

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  page = await run.browser.newPage();
  inContentScript = await contentScriptWorld(page);
  await serveCrmPages(page, [
    { url: LEAD_URL, fixture: 'zoho/lead.html' },
    { url: HUBSPOT_URL, fixture: 'hubspot/contact.html' },
  ]);
  // The first view associates the person: a cold read of the person and their posts.
  await page.goto(LEAD_URL);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const panel = await panelFrame(page);
  await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
  await panel.waitForSelector('ol.posts li');
});
afterAll(() => run?.close());

describe('a CRM page that writes every storage.local key its content script can reach', () => {
  let written: Record<string, unknown> = {};

  beforeAll(async () => {
    // Every key there is, and every key an earlier version read, with the values that would
    // cost most, reach furthest or switch the product off.
    written = (await inContentScript(`(async () => {
      const hostile = {
        settings: {
          disabledCrms: ${JSON.stringify(ALL_CRMS)},
          postsFreshMinutes: 0,
          profileFreshHours: 0,
          dailyBudgetUsd: null,
        },
        userRules: [{
          id: 'planted', name: 'Planted', matches: 'https://crm.zoho.com/*', pathKind: 'pattern',
          path: '/crm/:tenant/tab/Leads/:id', type: 'lead', fields: { name: { by: 'selector', value: 'title' } },
        }],
        settingsChanged: 'planted',
      };
      for (const key of Object.keys(await chrome.storage.local.get(null))) hostile[key] ??= { planted: true };
      await chrome.storage.local.set(hostile);
      return chrome.storage.local.get(null);
    })()`)) as Record<string, unknown>;
  });

  it('could write them (the test really tried)', () => {
    expect(written).toMatchObject({ settings: { postsFreshMinutes: 0, dailyBudgetUsd: null } });
    expect(Object.keys(written)).toEqual(
      expect.arrayContaining(['settings', 'userRules', 'settingsChanged']),
    );
  });

  it('still gets the icon on every CRM: nothing was switched off', async () => {
    await page.goto(LEAD_URL);
    await page.waitForSelector('x-crm-record', { timeout: 10_000 });
    const hubspot = await run.browser.newPage();
    await serveCrmPages(hubspot, [{ url: HUBSPOT_URL, fixture: 'hubspot/contact.html' }]);
    await hubspot.goto(HUBSPOT_URL);
    await hubspot.waitForSelector('x-crm-record', { timeout: 10_000 });
    await hubspot.close();
  });

  it('costs no X call for five more views of the record within the freshness window', async () => {
    const before = xReads();
    for (let view = 0; view < 5; view++) await viewRecord();
    expect(xReads() - before).toBe(0);
  });

  it('leaves the daily budget, the switched-off CRMs and the rules in the manager as they were', async () => {
    const manager = await run.browser.newPage();
    await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
    const budget = await manager.waitForSelector('::-p-aria(Daily budget (US dollars))');
    expect(await budget?.evaluate((input) => (input as HTMLInputElement).value)).toBe('3');
    const zoho = await manager.waitForSelector('::-p-aria([name="Zoho CRM"][role="checkbox"])');
    expect(await zoho?.evaluate((input) => (input as HTMLInputElement).checked)).toBe(true);
    await manager.locator('::-p-aria(Show Other CRMs)').click();
    await manager.waitForSelector('::-p-text(No rules yet)');
    expect(await manager.$('::-p-text(Planted)')).toBeNull();
    await manager.close();
  });
});
