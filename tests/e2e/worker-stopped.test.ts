import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopServiceWorker } from './harness/chromium';
import { authorizeAndReadPin, launchWithX, type WithX } from './harness/x-emulator';

const SAM = '1400000000000000000';

let run: WithX;
let manager: Page;

beforeAll(async () => {
  run = await launchWithX();
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
});
afterAll(() => run?.close());

async function fill(page: Page, label: string, value: string) {
  const field = await page.waitForSelector(`::-p-aria(${label})`);
  await field?.click({ count: 3 });
  await field?.type(value);
}

describe('the browser stops the service worker in the middle of things', () => {
  it('finishes a PIN sign-in begun before the worker was stopped', async () => {
    await manager.locator('::-p-aria(Settings…)').click();
    await fill(manager, 'Consumer Key', run.x.app.consumerKey);
    await fill(manager, 'Consumer Secret', run.x.app.consumerSecret);
    await manager.locator('::-p-aria(Save)').click();
    await manager.waitForSelector('dialog', { hidden: true });
    await manager.locator('::-p-aria(Add)').click();
    await fill(manager, 'Name', 'Sales team');
    await manager.locator('::-p-aria(Next)').click();
    const pin = await authorizeAndReadPin(run.browser);
    // Between "Next" and "Finish" the worker goes: the request token must outlive it.
    await stopServiceWorker(manager, run.extensionId);
    await manager.bringToFront();
    await fill(manager, 'PIN from X', pin);
    await manager.locator('::-p-aria(Finish)').click();
    await manager.waitForSelector('::-p-text(Signed in as @samrep_crm.)');
  });

  it('never loses or doubles a post whose worker was stopped before X answered', async () => {
    const text = 'Pipeline review moved to Thursday';
    const posts = () => [...run.x.state.posts.values()].filter((p) => p.authorId === SAM && p.text === text);
    // X takes its time to answer, and the worker is stopped while the post is on its way.
    run.x.faults.latency(1500, 'POST /2/tweets');
    const popup = await run.browser.newPage();
    await popup.goto(`chrome-extension://${run.extensionId}/popup.html`);
    await popup.waitForSelector('::-p-aria(Drafts)');
    await popup.locator('::-p-aria(New post)').click();
    await popup.type('textarea', text);
    await popup.locator('::-p-aria(Post)').click();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await stopServiceWorker(popup, run.extensionId);
    await popup.close();
    run.x.faults.clear();

    // The rep opens the popup again: the interrupted post is in the outbox, and with the
    // network up it is sent on at once, after X was checked for it.
    const checksBefore = run.x.callsTo('GET /2/users/:id/tweets').length;
    const again = await run.browser.newPage();
    await again.goto(`chrome-extension://${run.extensionId}/popup.html`);
    await again.waitForSelector('::-p-aria(Drafts)');
    // Whether or not X got the first attempt, there is exactly one such post, and nothing waits.
    await expect.poll(() => posts().length, { timeout: 10_000 }).toBe(1);
    await again.waitForSelector('.outbox', { hidden: true });
    expect(run.x.callsTo('GET /2/users/:id/tweets').length).toBeGreaterThan(checksBefore);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(posts()).toHaveLength(1);
    expect(await again.$$eval('.draft-text', (items) => items.map((i) => i.textContent))).not.toContain(text);
  });
});
