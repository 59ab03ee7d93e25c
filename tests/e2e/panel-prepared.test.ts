// The panel is loaded while the pointer or the keyboard focus reaches the icon, so the click
// only shows it; until then it asks X for nothing. A cold view of an associated person then
// costs one X round trip: the person's posts bring the person.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const ICON = '::-p-aria(Open X panel for Maria Garcia)';

let run: WithX;
let page: Page;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  page = await run.browser.newPage();
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
});
afterAll(() => run?.close());

const apiCalls = () => run.x.calls.filter((call) => call.path.startsWith('/2/')).map((call) => call.path);
const panelFrames = () =>
  page.frames().filter((frame) => frame.url().endsWith('/panel.html') && !frame.detached);

/** The panel's frame and whether the person can see it (loaded and not hidden). */
async function loadedPanel(): Promise<{ frame: Frame; shown: boolean } | null> {
  const [frame] = panelFrames();
  if (!frame) return null;
  const element = await frame.frameElement();
  const shown = Boolean(
    element && (await element.evaluate((iframe) => !(iframe as HTMLIFrameElement).hidden)),
  );
  return { frame, shown };
}

/**
 * Waits until the hidden panel has rendered the tab's record from what the worker holds: the
 * sign it ran, asked what it may, and waits for the click to ask for more.
 */
async function waitForPreparedPanel(): Promise<Frame> {
  let prepared: Frame | undefined;
  await expect
    .poll(
      async () => {
        const loaded = await loadedPanel();
        if (!loaded || loaded.shown) return false;
        const heading = await loaded.frame.$eval('h1', (element) => element.textContent).catch(() => null);
        prepared = loaded.frame;
        return heading?.includes('Maria Garcia') ?? false;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return prepared as Frame;
}

describe('a panel prepared before the click', () => {
  it('loads hidden when the pointer reaches the icon, reads nothing from X, and the click shows it', async () => {
    await page.goto(LEAD_URL);
    await page.waitForSelector(ICON);
    const before = apiCalls().length;
    await page.hover(ICON);
    await waitForPreparedPanel();
    expect(await page.$eval(ICON, (icon) => icon.getAttribute('aria-expanded'))).toBe('false');
    expect(apiCalls().length).toBe(before);

    await page.locator(ICON).click();
    const panel = (await loadedPanel())?.frame as Frame;
    // The same document, now shown: it searches the record's name (the click's one X call).
    await panel.waitForSelector('::-p-aria(People found on X)', { timeout: 15_000 });
    expect(panelFrames()).toHaveLength(1);
    expect((await loadedPanel())?.shown).toBe(true);
    expect(await page.$eval(ICON, (icon) => icon.getAttribute('aria-expanded'))).toBe('true');
    expect(apiCalls().slice(before)).toEqual(['/2/users/search']);
  });

  it('shows a newly associated person and their posts after one X round trip', async () => {
    const panel = (await loadedPanel())?.frame as Frame;
    const before = apiCalls().length;
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    await panel.waitForSelector('::-p-text(Associated with @maria_acme.)');
    await panel.waitForSelector('ol.posts li');
    const profile = await panel.$eval('.profile', (element) => element.textContent ?? '');
    expect(profile).toContain('Maria Garcia');
    const mariaId = run.x.state.userByUsername('maria_acme')?.id;
    expect(apiCalls().slice(before)).toEqual([`/2/users/${mariaId}/tweets`]);
  });

  it('loads hidden when the keyboard focus reaches the icon; Enter shows it', async () => {
    await page.goto(LEAD_URL);
    await page.waitForSelector(ICON);
    // Focus as the keyboard gives it (the icon sits in a closed shadow root the page cannot reach).
    const before = apiCalls().length;
    await (await page.$(ICON))?.focus();
    const prepared = await waitForPreparedPanel();
    // The person is fresh in the worker's cache: the hidden panel already holds them, from no
    // call to X, and the key only shows it.
    await prepared.waitForSelector('.profile', { timeout: 15_000 });
    expect((await loadedPanel())?.shown).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await loadedPanel())?.shown).toBe(true);
    expect(await prepared.$eval('.profile', (element) => element.textContent ?? '')).toContain(
      'Maria Garcia',
    );
    expect(apiCalls().length).toBe(before);
  });
});
