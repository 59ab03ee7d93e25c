import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopServiceWorker } from './harness/chromium';
import { serveCrmPages } from './harness/crm-pages';
import { waitForPanelName } from './harness/record-panel';
import { valueFrom } from './harness/worker-messages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/**
 * The freshness windows set in the manager are the ones the worker's cache keeps to: a
 * person's posts read 30 minutes ago are reused under a one-hour window and read again from X
 * under the 15-minute one.
 */

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const POSTS = 'GET /2/users/:id/tweets';

let run: WithX;
let page: Page;
let manager: Page;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
  page = await run.browser.newPage();
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
  await page.goto(LEAD_URL);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const panel = await waitForPanelName(page, 'Maria Garcia');
  await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
  await panel.waitForSelector('ol.posts li');
});
afterAll(() => run?.close());

/** Sets the posts window with the manager's own field and Save button. */
async function setPostsMinutes(minutes: number) {
  await manager.bringToFront();
  const field = await manager.waitForSelector('::-p-aria(A person’s posts, for (minutes))');
  await field?.click({ count: 3 });
  await field?.type(String(minutes));
  await manager.locator('::-p-aria(Save settings)').click();
  // The worker's answer is the sign the save went through (the status line may say it already).
  await expect
    .poll(() =>
      valueFrom<{ postsFreshMinutes: number }>(manager, 'settingsRead').then((s) => s.postsFreshMinutes),
    )
    .toBe(minutes);
  await manager.waitForSelector('::-p-text(Settings saved.)');
}

/**
 * Moves every cached X answer `minutes` into the past, as time passing would, in the
 * extension's own database (the manager page shares the worker's origin), then stops the
 * worker, as the browser does when it idles: the copies it held in memory would otherwise
 * still carry their real fetch time.
 */
async function ageCache(minutes: number): Promise<number> {
  const aged = await manager.evaluate(
    (ms) =>
      new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open('x-crm');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction('cache', 'readwrite');
          let aged = 0;
          tx.objectStore('cache').openCursor().onsuccess = (event) => {
            const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            cursor.update({ ...cursor.value, fetchedAt: cursor.value.fetchedAt - ms });
            aged += 1;
            cursor.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve(aged);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    minutes * 60_000,
  );
  await stopServiceWorker(manager, run.extensionId);
  return aged;
}

/** Closes the panel and opens it again: a closed panel is unloaded, so it reads afresh. */
async function reopenPanel(): Promise<Frame> {
  await page.bringToFront();
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  await expect
    .poll(() => page.frames().some((frame) => frame.url().endsWith('/panel.html') && !frame.detached))
    .toBe(false);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const panel = await waitForPanelName(page, 'Maria Garcia');
  // The posts shown are the sign the panel asked the worker and was answered.
  await panel.waitForSelector('ol.posts li');
  return panel;
}

describe('the freshness windows set in the manager', () => {
  it('reuses posts read 30 minutes ago under a one-hour window', async () => {
    await setPostsMinutes(60);
    expect(await ageCache(30)).toBeGreaterThan(0);
    const before = run.x.callsTo(POSTS).length;
    await reopenPanel();
    expect(run.x.callsTo(POSTS).length).toBe(before);
  });

  it('reads them from X again under the 15-minute window', async () => {
    await setPostsMinutes(15);
    const before = run.x.callsTo(POSTS).length;
    await reopenPanel();
    expect(run.x.callsTo(POSTS).length).toBe(before + 1);
  });
});
