import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmRoute, serveCrmPages } from './harness/crm-pages';
import { waitForPanelName } from './harness/record-panel';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const SALESFORCE_LEAD = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view';
const HUBSPOT_CONTACT = 'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801';
const ZOHO_LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const ZOHO_CONTACT = 'https://crm.zoho.com/crm/org123456/tab/Contacts/4876876000000444001';

let run: WithX;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
});
afterAll(() => run?.close());

/** Opens a CRM record in a new tab, served as given, and its panel. */
async function openRecord(route: CrmRoute, name: string): Promise<{ page: Page; panel: Frame }> {
  const page = await run.browser.newPage();
  await serveCrmPages(page, [route]);
  await page.goto(route.url);
  await page.locator(`::-p-aria(Open X panel for ${name})`).click();
  return { page, panel: await waitForPanelName(page, name) };
}

/** The Salesforce lead with its Twitter field set as the CRM user left it. */
const salesforceLead = (twitter: string): CrmRoute => ({
  url: SALESFORCE_LEAD,
  fixture: 'salesforce/lead.html',
  edit: (html) =>
    html.replace(
      '<lightning-formatted-text>@jnunezob</lightning-formatted-text>',
      `<lightning-formatted-text>${twitter}</lightning-formatted-text>`,
    ),
});

describe('associating records with X people, on Salesforce, HubSpot and Zoho', () => {
  it('associates a Salesforce lead from its Twitter field without asking, and keeps it after a reload', async () => {
    const { page, panel } = await openRecord(salesforceLead('@jnunezobrien'), "José Núñez-O'Brien");
    await panel.waitForSelector('::-p-text(Associated with @jnunezobrien from the CRM’s Twitter field.)');
    await page.reload();
    await page.locator("::-p-aria(Open X panel for José Núñez-O'Brien)").click();
    const again = await waitForPanelName(page, "José Núñez-O'Brien");
    await again.waitForSelector('::-p-text(Associated with @jnunezobrien from the CRM’s Twitter field.)');
    await page.close();
  });

  it('removes that association when the CRM field is emptied, as Zoho did', async () => {
    const { page, panel } = await openRecord(salesforceLead(''), "José Núñez-O'Brien");
    await panel.waitForSelector('::-p-aria(People found on X)');
    expect(await panel.$('::-p-text(Associated with)')).toBeNull();
    await page.close();
  });

  it('associates a HubSpot contact from a profile URL in its Twitter property', async () => {
    const { page, panel } = await openRecord(
      {
        url: HUBSPOT_CONTACT,
        fixture: 'hubspot/contact.html',
        edit: (html) => html.replace('https://x.com/priya_n?lang=en', 'https://x.com/priyaraman?lang=en'),
      },
      'Priya Natarajan',
    );
    await panel.waitForSelector('::-p-text(Associated with @priyaraman from the CRM’s Twitter field.)');
    await panel.waitForSelector('.profile');
    await page.close();
  });

  it('says when the Twitter field is not a handle, and associates by a typed handle instead', async () => {
    const { page, panel } = await openRecord(
      {
        url: ZOHO_CONTACT,
        fixture: 'zoho/contact.html',
        edit: (html) => html.replace('@mariagarcia_ar', 'ask me'),
      },
      'Maria Garcia',
    );
    await panel.waitForSelector('::-p-text(“ask me” (not an X handle))');
    const box = await panel.waitForSelector('::-p-aria(Do you know Maria Garcia’s X handle?)');
    await box?.type('https://x.com/maria_acme');
    await panel.locator('::-p-aria(Look up)').click();
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    await panel.waitForSelector('::-p-text(Associated with @maria_acme.)');
    await page.close();
  });

  it('has no accessibility violation in the panel, found by axe-core, searching and associated', async () => {
    const { page, panel } = await openRecord({ url: ZOHO_LEAD, fixture: 'zoho/lead.html' }, 'Maria Garcia');
    const axe = await readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
    // Evaluated through the debugger, which the panel's extension CSP does not block.
    await panel.evaluate(axe);
    const violations = () =>
      panel.evaluate(async () => {
        type Axe = { run(): Promise<{ violations: { id: string; help: string }[] }> };
        const result = await (globalThis as unknown as { axe: Axe }).axe.run();
        return result.violations.map((v) => `${v.id}: ${v.help}`);
      });
    await panel.waitForSelector('::-p-aria(People found on X)');
    expect(await violations()).toEqual([]);
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    await panel.waitForSelector('ol.posts li');
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
