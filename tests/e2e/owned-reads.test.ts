import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { waitForPanelName } from './harness/record-panel';
import { valueFrom } from './harness/worker-messages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

// A Zoho contact whose Twitter field names the signed-in account itself.
const CONTACT = 'https://crm.zoho.com/crm/org123456/tab/Contacts/4876876000000444001';

let run: WithX;
let manager: Page;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
  await manager.waitForSelector('::-p-text(Sales team)');
});
afterAll(() => run?.close());

/** The usage store's rows of today, by what each was billed at. */
const usageRows = async () =>
  (await valueFrom<{ rows: { calls: number; costUsd: number }[] }>(manager, 'usageReport')).rows;

async function openOwnRecord() {
  const page = await run.browser.newPage();
  await serveCrmPages(page, [
    {
      url: CONTACT,
      fixture: 'zoho/contact.html',
      edit: (html) => html.replace('@mariagarcia_ar', '@samrep_crm'),
    },
  ]);
  await page.goto(CONTACT);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const panel = await waitForPanelName(page, 'Maria Garcia');
  await panel.waitForSelector('::-p-text(Great call today with)');
  return { page, panel };
}

describe('Owned Reads: the app owner’s own reads priced as X prices them', () => {
  it('lets the admin mark an account as owning the X app, kept with the account', async () => {
    await manager.locator('::-p-aria(Edit @samrep_crm)').click();
    const box = '::-p-aria(This X account owns the X developer app these keys belong to)';
    await manager.locator(box).click();
    await manager.waitForSelector(
      '::-p-text(@samrep_crm owns the X app: its own reads are priced as Owned Reads.)',
    );
    expect(await manager.$eval(box, (input) => (input as HTMLInputElement).checked)).toBe(true);
    expect(await manager.evaluate(() => document.body.textContent)).toContain('$0.001 each');
    await manager.reload();
    await manager.locator('::-p-aria(Edit @samrep_crm)').click();
    expect(await manager.$eval(box, (input) => (input as HTMLInputElement).checked)).toBe(true);
  });

  it('meters the owner’s own posts at $0.001 each and prices its followers page the same way', async () => {
    const { page, panel } = await openOwnRecord();
    const rows = await usageRows();
    // The handle lookup: one user read at $0.01 (a profile is not an Owned Read); one own post at $0.001.
    const spent = rows.reduce((sum, row) => sum + row.costUsd, 0);
    expect(spent).toBeCloseTo(0.01 + 0.001, 6);
    // 20 people a page at $0.001 each, said before the page is loaded.
    await panel.waitForSelector('::-p-text(Load Followers: 20 people, up to $0.02)');
    await page.close();
    // The one post read counts against X's monthly cap, which the manager shows.
    await manager.reload();
    await manager.waitForSelector('::-p-text(Posts read this calendar month (UTC): 1 of the 3,000,000)');
  });
});
