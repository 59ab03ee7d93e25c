// The bench's money figures: what X calls and credits a hostile page, an unassociated record's
// first view and a warm view cost. Called by scripts/bench.ts with its browser and emulator.
import type { Browser, Frame, Page } from 'puppeteer-core';
import type { CrmRoute } from '../tests/e2e/harness/crm-pages';
import type { FakeX } from '../tests/fake-x';

const FLIP_URL = 'https://acme-robotics.odoo.com/odoo/contacts/100';
const SEARCH_URL = 'https://acme-robotics.odoo.com/odoo/contacts/7';

/** What one measured step cost: X API calls, estimated USD, associations made. */
export interface MoneyFigure {
  calls: number;
  costUsd: number;
  associations: number;
}

export interface MoneyBench {
  browser: Browser;
  x: FakeX;
  openPage: (browser: Browser, routes: CrmRoute[]) => Promise<Page>;
  spentUsd: (browser: Browser) => Promise<number>;
  clearXCache: (browser: Browser) => Promise<void>;
  associationCount: (browser: Browser) => Promise<number>;
}

const panelOf = (page: Page): Frame | undefined =>
  page.frames().find((frame) => frame.url().endsWith('/panel.html') && !frame.detached);

async function waitForPanel(page: Page): Promise<Frame> {
  for (let waited = 0; waited < 15_000; waited += 25) {
    const frame = panelOf(page);
    if (frame) return frame;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('The panel did not open.');
}

/** Runs `step` and answers what it cost, once the calls it started have settled. */
async function measure(bench: MoneyBench, step: () => Promise<void>): Promise<MoneyFigure> {
  const apiCalls = () => bench.x.calls.filter((call) => call.path.startsWith('/2/')).length;
  const calls = apiCalls();
  const spent = await bench.spentUsd(bench.browser);
  const associations = await bench.associationCount(bench.browser);
  await step();
  // Late calls would show here: a moment for anything still in flight to land.
  await new Promise((done) => setTimeout(done, 500));
  return {
    calls: apiCalls() - calls,
    costUsd: (await bench.spentUsd(bench.browser)) - spent,
    associations: (await bench.associationCount(bench.browser)) - associations,
  };
}

/**
 * 1. The hostile page: an Odoo contacts page that, after the panel was opened once and closed,
 *    walks through 40 contacts by history.pushState, each with another Twitter field.
 * 2. An unassociated record's first view (X cache and today's usage cleared): a contact called
 *    "Jordan", whom X finds 18 times, so the first page of the name search is full.
 * 3. The same record viewed again in a new tab, within the freshness window.
 */
export async function benchMoney(bench: MoneyBench) {
  const flipPage = await bench.openPage(bench.browser, [
    { url: FLIP_URL, fixture: 'odoo/contacts-flip.html' },
  ]);
  await flipPage.goto(FLIP_URL);
  await flipPage.locator('::-p-aria(Open X panel for Mei Tanaka)').click();
  const opened = await waitForPanel(flipPage);
  await opened.waitForSelector('h2', { timeout: 15_000 });
  await flipPage.locator('::-p-aria(Open X panel for Mei Tanaka)').click();
  const hostile = await measure(bench, async () => {
    await flipPage.click('#flip');
    await flipPage.waitForSelector('body[data-flipped]', { timeout: 60_000 });
    await flipPage.locator('::-p-aria(Open X panel for Morgan Moreau)').wait();
  });
  await flipPage.close();

  const jordan: CrmRoute = {
    url: SEARCH_URL,
    fixture: 'odoo/contact.html',
    edit: (html) => html.replaceAll('Mei Tanaka', 'Jordan').replace('value="tanaka_mei"', 'value=""'),
  };
  const view = async () => {
    const page = await bench.openPage(bench.browser, [jordan]);
    await page.goto(SEARCH_URL);
    await page.locator('::-p-aria(Open X panel for Jordan)').click();
    const panel = await waitForPanel(page);
    await panel.waitForSelector('[aria-label="People found on X"] li', { timeout: 15_000 });
    await page.close();
  };
  await bench.clearXCache(bench.browser);
  const firstView = await measure(bench, view);
  const warmView = await measure(bench, view);
  return { hostile, firstView, warmView };
}
