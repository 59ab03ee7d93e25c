import type { Page } from 'puppeteer-core';
import type { WithX } from './x-emulator';

/** The background's answer to a protocol message. */
export type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** Sends a protocol message as the extension page `page` would. */
export function sendFrom(page: Page, name: string, input: unknown): Promise<Reply> {
  return page.evaluate(
    (n, i) => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<Reply> } };
      return (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({ name: n, input: i });
    },
    name,
    input,
  );
}

/**
 * Signs `username` in as one more account through the PIN flow, sent from the manager page
 * `manager`, choosing that person on the emulator's X page.
 */
export async function addAccount(run: WithX, manager: Page, username: string, name: string): Promise<void> {
  const started = sendFrom(manager, 'accountAddStart', { name });
  const target = await run.browser.waitForTarget((t) =>
    t.url().startsWith('https://api.x.com/oauth/authorize'),
  );
  const xPage = (await target.page()) as Page;
  await xPage.waitForSelector('#allow');
  await xPage.select('#account', username);
  await Promise.all([xPage.waitForNavigation(), xPage.click('#allow')]);
  const pin = await xPage.$eval('#oauth_pin code', (code) => code.textContent?.trim() ?? '');
  await xPage.close();
  await started;
  const finished = await sendFrom(manager, 'accountAddFinish', { pin });
  if (!finished.ok) throw new Error(`accountAddFinish: ${JSON.stringify(finished)}`);
}
