import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { recordUiHost, serveCrmPages } from './harness/crm-pages';
import { pageDecision, recordPageStarted } from './harness/page-decision';
import { panelFrame, panelRecord, recordIcons, waitForPanelName } from './harness/record-panel';

/** How soon after the new record renders the open panel must show it. */
const PANEL_FOLLOWS_MS = 300;

/** A single-page CRM fixture (tests/fixtures/README.md) and how a user moves through it. */
interface SpaCase {
  vendor: string;
  fixture: string;
  listUrl: string;
  /** The element that shows the record on screen now: hidden cached views do not count. */
  shownTitle: string;
  list: string;
  recordLink: (name: string) => string;
  next: string;
  backToList: string;
  /** The people in the order "next" walks through them, from the first one opened. */
  people: { name: string; company: string }[];
}

const spas: SpaCase[] = [
  {
    vendor: 'Zoho CRM',
    fixture: 'zoho/spa.html',
    listUrl: 'https://crm.zoho.com/crm/org123456/tab/Leads/listview',
    shownTitle: '[data-zcqa="detailView_headerName"]',
    list: '[data-zcqa="listview"]',
    recordLink: () => '[data-zcqa="lead_link_4876876000000333001"]',
    next: '[data-zcqa="next_record"]',
    backToList: '[data-zcqa="back_to_list"]',
    people: [
      { name: 'Maria Garcia', company: 'Acme Robotics' },
      { name: 'Tomás Ferreira', company: 'Ferreira Têxteis' },
      { name: 'Mei Tanaka', company: 'Sakura Foods' },
      { name: 'Maria Garcia', company: 'Acme Robotics' },
    ],
  },
  {
    vendor: 'Salesforce Lightning',
    fixture: 'salesforce/spa.html',
    listUrl: 'https://acme.lightning.force.com/lightning/o/Lead/list',
    shownTitle: '.windowViewMode-normal.active lightning-formatted-name',
    list: '.windowViewMode-normal.active[data-view="list"]',
    recordLink: () => '.active a[data-recordid="00Q5g00000AbCdEEAV"]',
    next: '.active [data-test="next-lead"]',
    backToList: '.active [data-test="back-to-list"]',
    // The last step brings back a cached view: its title was in the DOM all along, hidden.
    people: [
      { name: "José Núñez-O'Brien", company: 'Núñez & Hijos' },
      { name: 'Ingrid Bergström', company: 'Fjord Analytics' },
      { name: 'Siobhán Ó Briain', company: 'Ó Briain Ceramics' },
      { name: "José Núñez-O'Brien", company: 'Núñez & Hijos' },
    ],
  },
];

let chromium: ExtensionBrowser;
const measured: number[] = [];

beforeAll(async () => {
  chromium = await launchWithExtension();
});
afterAll(async () => {
  const sorted = [...measured].sort((a, b) => a - b);
  if (sorted.length > 0) {
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `panel follows navigation: ${sorted.map((ms) => ms.toFixed(0)).join(', ')} ms; median ${median?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
    );
  }
  await chromium?.close();
});

/**
 * Notes, in the page, the moment each record name first shows on screen (epoch ms, from the
 * page's own clock): the start of the time the panel has to follow.
 */
function watchShownNames(page: Page, selector: string) {
  return page.evaluate((shownTitle) => {
    const seen: Record<string, number> = {};
    (window as unknown as { shownAt: Record<string, number> }).shownAt = seen;
    let last = '';
    new MutationObserver(() => {
      const name = document.querySelector(shownTitle)?.textContent ?? '';
      if (name && name !== last) seen[name] = performance.timeOrigin + performance.now();
      last = name;
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
  }, selector);
}

/** The moment the panel in `frame` shows `name` (epoch ms, the frame's clock), seen as it happens. */
async function panelShowsAt(frame: Frame, name: string): Promise<number> {
  const handle = await frame.waitForFunction(
    (wanted) =>
      document.querySelector('h1')?.textContent === wanted && performance.timeOrigin + performance.now(),
    { polling: 'mutation', timeout: 10_000 },
    name,
  );
  return (await handle.jsonValue()) as number;
}

describe.each(spas)('$vendor as a single-page app', (spa) => {
  let page: Page;
  beforeAll(async () => {
    page = await chromium.browser.newPage();
    await serveCrmPages(page, [{ url: spa.listUrl, fixture: spa.fixture }]);
  });
  afterAll(() => page?.close());

  it('injects nothing in the list view', async () => {
    await page.goto(spa.listUrl);
    await page.waitForSelector(spa.list);
    await pageDecision(page, 'no record');
    expect(await recordUiHost(page)).toBeNull();
    // Deciding was all: the list view asked the worker nothing and watches nothing.
    expect(await recordPageStarted(page)).toBe(false);
    await watchShownNames(page, spa.shownTitle);
  });

  it('shows the icon after the record opened from the list', async () => {
    const [first] = spa.people;
    if (!first) throw new Error('The case names no people.');
    await page.click(spa.recordLink(first.name));
    await page.waitForSelector('x-crm-record', { timeout: 10_000 });
    expect(await recordPageStarted(page)).toBe(true);
    expect(await recordIcons(page)).toMatchObject({ count: 1, floating: false, anchorText: first.name });
    await page.locator(`::-p-aria(Open X panel for ${first.name})`).click();
    const panel = await waitForPanelName(page, first.name);
    expect((await panelRecord(panel)).rows.Company).toBe(first.company);
  });

  it(`moves the open panel to each next record within ${PANEL_FOLLOWS_MS} ms of it rendering`, async () => {
    for (const person of spa.people.slice(1)) {
      const panel = await panelFrame(page);
      await page.click(spa.next);
      const panelAt = await panelShowsAt(panel, person.name);
      // The same panel document follows the user: it stays loaded and asks for the new record.
      expect(panel.detached).toBe(false);
      const shownAt = await page.evaluate(
        (name) => (window as unknown as { shownAt: Record<string, number> }).shownAt[name],
        person.name,
      );
      expect(shownAt, `${person.name} never showed in the page`).toBeTypeOf('number');
      const elapsed = panelAt - (shownAt ?? 0);
      console.log(
        `${spa.vendor}: the panel showed ${person.name} ${elapsed.toFixed(0)} ms after the page did`,
      );
      measured.push(elapsed);
      expect(elapsed).toBeLessThan(PANEL_FOLLOWS_MS);
      expect((await panelRecord(panel)).rows.Company).toBe(person.company);
      expect(await recordIcons(page)).toMatchObject({ count: 1, floating: false, anchorText: person.name });
    }
  });

  it('removes the icon and the panel on the way back to the list', async () => {
    await page.click(spa.backToList);
    await page.waitForSelector('x-crm-record', { hidden: true, timeout: 10_000 });
    await page.waitForSelector(spa.list);
    expect(await recordUiHost(page)).toBeNull();
    expect(page.frames().some((frame) => frame.url().endsWith('/panel.html') && !frame.detached)).toBe(false);
  });
});
