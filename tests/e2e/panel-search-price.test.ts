import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { waitForPanelName } from './harness/record-panel';
import { valueFrom } from './harness/worker-messages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';

let run: WithX;
let manager: Page;
let panel: Frame;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
});
afterAll(() => run?.close());

/** Today's estimated spend, as the manager's usage section reads it. */
const spentToday = async () => (await valueFrom<{ todayUsd: number }>(manager, 'usageReport')).todayUsd;

const shownPeople = () => panel.$$eval('[aria-label="People found on X"] > li', (items) => items.length);
const panelText = () => panel.evaluate(() => document.body.textContent ?? '');

describe('the name search says its price and asks for little', () => {
  it('shows five people on an unassociated record’s first view, with what they cost', async () => {
    const page = await run.browser.newPage();
    // X knows 18 people called Jordan: several pages of them.
    await serveCrmPages(page, [
      { url: LEAD, fixture: 'zoho/lead.html', edit: (html) => html.replaceAll('Maria Garcia', 'Jordan') },
    ]);
    await page.goto(LEAD);
    const before = await spentToday();
    await page.locator('::-p-aria(Open X panel for Jordan)').click();
    panel = await waitForPanelName(page, 'Jordan');
    await panel.waitForSelector('::-p-aria(People found on X)');
    expect(await shownPeople()).toBe(5);
    expect(await panelText()).toContain('5 people shown, up to $0.05 in X credits');
    expect(run.x.callsTo('GET /2/users/search')).toHaveLength(1);
    const firstView = (await spentToday()) - before;
    expect(firstView).toBeCloseTo(0.05, 5);
    expect(firstView).toBeLessThanOrEqual(0.06);
  });

  it('says the next page’s price on “More people” and loads it only when pressed', async () => {
    await panel.locator('::-p-aria(More people: next 5, up to $0.05)').click();
    await expect.poll(shownPeople, { timeout: 10_000 }).toBe(10);
    expect(await panelText()).toContain('10 people shown, up to $0.10 in X credits');
    expect(run.x.callsTo('GET /2/users/search')).toHaveLength(2);
  });

  it('stops offering more people after the last page', async () => {
    await panel.locator('::-p-aria(More people: next 5, up to $0.05)').click();
    await expect.poll(shownPeople, { timeout: 10_000 }).toBe(15);
    await panel.locator('::-p-aria(More people: next 5, up to $0.05)').click();
    await expect.poll(shownPeople, { timeout: 10_000 }).toBe(18);
    expect(await panelText()).toContain('18 people shown, up to $0.18 in X credits');
    expect(await panel.$('::-p-text(More people)')).toBeNull();
  });
});
