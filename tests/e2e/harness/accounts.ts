import type { Page } from 'puppeteer-core';
import { sendFrom } from './worker-messages';
import type { WithX } from './x-emulator';

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
