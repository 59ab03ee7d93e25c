import type { Browser, Page } from 'puppeteer-core';
import { type FakeX, startFakeX } from '../../fake-x';
import { type ExtensionBrowser, launchWithExtension, xEmulatorFlags } from './chromium';

export interface WithX extends ExtensionBrowser {
  x: FakeX;
}

/** The X emulator on HTTPS and Chromium with the built extension pointed at it. */
export async function launchWithX(
  options: { downloadsDir?: string; extensionDir?: string; beforeBrowser?: (x: FakeX) => Promise<void> } = {},
): Promise<WithX> {
  const x = await startFakeX({ https: true });
  await options.beforeBrowser?.(x);
  const chromium = await launchWithExtension(xEmulatorFlags(x.port), options);
  return {
    ...chromium,
    x,
    close: async () => {
      await chromium.close();
      await x.close();
    },
  };
}

/** Presses "Authorize app" on X's PIN page that the extension opened and returns the PIN. */
export async function authorizeAndReadPin(browser: Browser): Promise<string> {
  const target = await browser.waitForTarget((t) => t.url().startsWith('https://api.x.com/oauth/authorize'), {
    timeout: 10_000,
  });
  const page = (await target.page()) as Page;
  await page.waitForSelector('#allow');
  await Promise.all([page.waitForNavigation(), page.click('#allow')]);
  const pin = await page.$eval('#oauth_pin code', (code) => code.textContent?.trim() ?? '');
  await page.close();
  return pin;
}

/**
 * Enters the emulator's app keys and signs its default person in through the PIN flow, by
 * the same messages the integration manager sends.
 */
export async function signInThroughManager(
  run: WithX,
  options: { keysFromPolicy?: boolean } = {},
): Promise<void> {
  const page = await run.browser.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/options.html`);
  const send = (name: string, input: unknown) =>
    page.evaluate(
      (n, i) => {
        type Runtime = {
          runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: unknown }> };
        };
        return (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({
          name: n,
          input: i,
        });
      },
      name,
      input,
    );
  if (!options.keysFromPolicy) {
    const keys = await send('keysSave', {
      consumerKey: run.x.app.consumerKey,
      consumerSecret: run.x.app.consumerSecret,
      clientId: run.x.app.clientId,
    });
    if (!keys.ok) throw new Error(`keysSave: ${JSON.stringify(keys)}`);
  }
  const started = send('accountAddStart', { name: 'Sales team' });
  const pin = await authorizeAndReadPin(run.browser);
  await started;
  const finished = await send('accountAddFinish', { pin });
  if (!finished.ok) throw new Error(`accountAddFinish: ${JSON.stringify(finished)}`);
  await page.close();
}
