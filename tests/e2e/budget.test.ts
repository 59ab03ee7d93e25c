import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { panelFrame, panelRecord } from './harness/record-panel';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';

let run: WithX;
let manager: Page;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
});
afterAll(() => run?.close());

const budgetInput = () => manager.waitForSelector('::-p-aria(Daily budget (US dollars))');

describe('the daily budget', () => {
  it('is there from the first day, and the manager says what it is', async () => {
    expect(await (await budgetInput())?.evaluate((input) => (input as HTMLInputElement).value)).toBe('3');
    await manager.waitForSelector('::-p-text(Every browser starts with a daily budget of $3.00)');
  });

  it('once spent, stops reads and the panel says the budget refused them', async () => {
    await manager.bringToFront();
    const input = await budgetInput();
    await input?.click({ count: 3 });
    await input?.type('0.01');
    await manager.locator('::-p-aria(Save budget)').click();
    await manager.waitForSelector('::-p-text(The daily budget is $0.01.)');

    const page = await run.browser.newPage();
    await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
    await page.goto(LEAD_URL);
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const panel = await panelFrame(page);
    // The name search is the first read: today's spend was under the budget.
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    const reads = run.x.calls.length;
    await panel.waitForSelector('::-p-text(Today’s X budget of $0.01 is spent)', { timeout: 10_000 });
    expect((await panelRecord(panel)).text).not.toMatch(/went wrong|internal/i);
    // Refused before X was asked.
    expect(run.x.calls.slice(reads).filter((call) => call.endpoint.startsWith('GET /2/'))).toEqual([]);
    await page.close();
  });
});
