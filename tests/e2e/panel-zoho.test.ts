import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';

let run: WithX;
let page: Page;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  page = await run.browser.newPage();
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
});
afterAll(() => run?.close());

/** Opens the lead and its panel, and returns the panel's frame. */
async function openPanel(): Promise<Frame> {
  await page.goto(LEAD_URL);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const frame = await new Promise<Frame>((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    const look = () => {
      const found = page.frames().find((f) => f.url().endsWith('/panel.html'));
      if (found) return resolve(found);
      if (Date.now() > deadline) return reject(new Error('no panel frame'));
      setTimeout(look, 50);
    };
    look();
  });
  return frame;
}

const apiCalls = () => run.x.calls.filter((call) => call.path.startsWith('/2/'));

describe('the panel on a Zoho lead, against X', () => {
  it('lists the three Maria Garcias with the one at Acme Robotics first, and says why', async () => {
    const panel = await openPanel();
    const list = await panel.waitForSelector('::-p-aria(People found on X)');
    const rows = await list!.$$eval('li', (items) => items.map((li) => li.textContent ?? ''));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((row) => row.includes('Maria Garcia')).length).toBe(3);
    expect(rows[0]).toContain('@maria_acme');
    expect(rows[0]).toMatch(/mentions Acme Robotics/);
  });

  it('associates the chosen person and shows the profile and recent posts', async () => {
    const panel = page.frames().find((f) => f.url().endsWith('/panel.html'))!;
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    await panel.waitForSelector('::-p-text(Associated with @maria_acme.)');
    await panel.waitForSelector('::-p-aria(Recent posts)');
    await panel.waitForSelector('ol.posts li');
    const profile = await panel.$eval('.profile', (el) => el.textContent ?? '');
    expect(profile).toContain('Maria Garcia');
    expect(profile).toContain('View on X');
  });

  it('keeps the association after a reload, and a second view within the freshness window costs no X call', async () => {
    const before = apiCalls().length;
    const panel = await openPanel();
    await panel.waitForSelector('::-p-text(Associated with @maria_acme.)');
    await panel.waitForSelector('ol.posts li');
    expect(apiCalls().length).toBe(before);
  });

  it('disassociates and offers the search again', async () => {
    const panel = page.frames().find((f) => f.url().endsWith('/panel.html'))!;
    await panel.locator('::-p-aria(Disassociate)').click();
    await panel.waitForSelector('::-p-aria(People found on X)');
  });
});
