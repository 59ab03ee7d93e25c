import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/**
 * The panel sits in the CRM page, which can style what holds it. A click that lands on Like
 * while the page makes the panel transparent or draws something over it is not a person's
 * choice: nothing is done at X. Seen as it is, Like works.
 */

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const SAM = '1400000000000000000';
/** The browser reports visibility changes at most every 100 ms (the panel's observer delay), and a write needs 300 ms seen. */
const SETTLE_MS = 600;
const REFUSED = 'Nothing was done: the CRM page is hiding or covering the X panel';

let run: WithX;
let page: Page;
let panel: Frame;

const likes = () => run.x.callsTo('POST /2/users/:id/likes');
const newestPostId = async () => {
  const maria = run.x.state.userByUsername('maria_acme');
  return [...run.x.state.posts.values()]
    .filter((post) => post.authorId === maria?.id)
    .sort((a, b) => b.createdAt - a.createdAt)[0]?.id;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

async function likeButton(): Promise<ElementHandle> {
  const item = await panel.waitForSelector('ol.posts li');
  const button = await item?.waitForSelector('::-p-aria(Like)');
  if (!button) throw new Error('no Like button');
  return button;
}

/** The page restyles the element that holds the panel, as any page script can. */
function styleHost(css: string) {
  return page.evaluate((text) => {
    const host = document.querySelector('x-crm-panel') as HTMLElement;
    host.style.cssText = text;
  }, css);
}

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  page = await run.browser.newPage();
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
  await page.goto(LEAD_URL);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  panel = await page.waitForFrame((frame) => frame.url().endsWith('/panel.html'));
  await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
  await panel.waitForSelector('ol.posts li');
});
afterAll(() => run?.close());

describe('a click on Like is a person’s click only when they can see the panel', () => {
  it('does nothing at X while the page makes the panel transparent', async () => {
    await styleHost('opacity: 0');
    await settle();
    await (await likeButton()).click();
    await panel.waitForSelector(`::-p-text(${REFUSED})`);
    expect(likes()).toEqual([]);
    expect(await panel.$('::-p-aria(Unlike)')).toBeNull();
  });

  it('does nothing at X while the page draws something over the panel that lets clicks through', async () => {
    await styleHost('');
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.id = 'decoy';
      cover.textContent = 'Claim your prize';
      cover.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none;font-size:40px';
      document.body.append(cover);
    });
    await settle();
    await (await likeButton()).click();
    await panel.waitForSelector(`::-p-text(${REFUSED})`);
    expect(likes()).toEqual([]);
  });

  it('likes at X once the panel is shown as it is', async () => {
    await page.evaluate(() => document.getElementById('decoy')?.remove());
    await settle();
    const postId = await newestPostId();
    await (await likeButton()).click();
    await panel.waitForSelector('ol.posts li ::-p-aria(Unlike)');
    await expect.poll(() => run.x.state.likes.has(`${SAM}:${postId}`)).toBe(true);
    expect(likes()).toHaveLength(1);
  });
});
