// The popup asks the worker for the latest draft before its own code has loaded, once, and the
// first frame that shows the composer shows the draft in it.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { FIRST_MESSAGES, type FirstMessages } from './harness/first-messages';

const DRAFT = 'Call Maria Garcia back about the robotics order';

let chromium: ExtensionBrowser;
let popupUrl: string;

/**
 * Runs after FIRST_MESSAGES, before the popup's scripts: also records the composer's text in
 * the first frame that has a composer.
 */
const WATCH = `
  window.__seen.firstComposerText = null;
  const frame = () => {
    const box = document.querySelector('textarea');
    if (box) window.__seen.firstComposerText = box.value;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

interface Seen extends FirstMessages {
  firstComposerText: string | null;
}

beforeAll(async () => {
  chromium = await launchWithExtension();
  popupUrl = `chrome-extension://${chromium.extensionId}/popup.html`;
  const page = await chromium.browser.newPage();
  await page.goto(popupUrl);
  await page.waitForSelector('::-p-aria(Drafts)');
  await page.locator('::-p-aria(New post)').click();
  await page.type('textarea', DRAFT);
  await page.waitForSelector('::-p-text(Draft saved)');
  await page.close();
});
afterAll(() => chromium?.close());

async function openWatched(): Promise<{ page: Page; seen: Seen }> {
  const page = await chromium.browser.newPage();
  await page.evaluateOnNewDocument(FIRST_MESSAGES);
  await page.evaluateOnNewDocument(WATCH);
  await page.goto(popupUrl);
  // The sign the popup ran to the end: its lists, asked for after the composer was drawn.
  await page.waitForSelector('::-p-aria(Drafts)');
  const seen = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
  return { page, seen };
}

describe('the popup’s first frames', () => {
  it('asks for the latest draft once, before its own code has drawn, and shows it in the composer’s first frame', async () => {
    const { page, seen } = await openWatched();
    const asked = seen.sent.filter((message) => message.name === 'draftLatest');
    expect(asked).toHaveLength(1);
    expect(seen.drawnAt).not.toBeNull();
    expect(asked[0]?.at).toBeLessThan(seen.drawnAt ?? 0);
    expect(seen.firstComposerText).toBe(DRAFT);
    await page.close();
  });
});
