// The manager asks the worker for its state first thing, before it draws, and only once: its
// sections follow the first paint by the worker's answer alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { FIRST_MESSAGES, type FirstMessages } from './harness/first-messages';

let chromium: ExtensionBrowser;

beforeAll(async () => {
  chromium = await launchWithExtension();
});
afterAll(() => chromium?.close());

describe('the manager’s first request', () => {
  it('asks for its state once, before it has drawn anything', async () => {
    const page = await chromium.browser.newPage();
    await page.evaluateOnNewDocument(FIRST_MESSAGES);
    await page.goto(`chrome-extension://${chromium.extensionId}/options.html`);
    // The sign the manager ran with the answer: its sections, drawn from the state.
    await page.waitForSelector('::-p-aria(Show Backup)');
    const seen = await page.evaluate(() => (window as unknown as { __seen: FirstMessages }).__seen);
    const asked = seen.sent.filter((message) => message.name === 'managerState');
    expect(asked).toHaveLength(1);
    expect(seen.drawnAt).not.toBeNull();
    expect(asked[0]?.at).toBeLessThan(seen.drawnAt ?? 0);
    await page.close();
  });
});
