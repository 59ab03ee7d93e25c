import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithX, type WithX } from './harness/x-emulator';

let run: WithX;
let page: Page;

beforeAll(async () => {
  run = await launchWithX();
  // The admin registers the extension's callback URL in the X app, as the help page says.
  run.x.addRedirectUri(`https://${run.extensionId}.chromiumapp.org/`);
  page = await run.browser.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/options.html`);
});
afterAll(() => run?.close());

async function fill(label: string, value: string) {
  const field = await page.waitForSelector(`::-p-aria(${label})`);
  await field?.click({ count: 3 });
  await field?.type(value);
}

describe('Sign in with X (OAuth 2.0 with PKCE) from the integration manager', () => {
  it('signs in through the browser’s auth window and lists the account, enabled', async () => {
    await page.locator('::-p-aria(Settings…)').click();
    await fill('Consumer Key', run.x.app.consumerKey);
    await fill('Consumer Secret', run.x.app.consumerSecret);
    await fill('OAuth 2.0 Client ID', run.x.app.clientId);
    await page.locator('::-p-aria(Save)').click();
    await page.waitForSelector('dialog', { hidden: true });

    await page.locator('::-p-aria(Add)').click();
    await fill('Name', 'Support desk');
    await page.locator('::-p-aria(Sign in with X)').click();
    const authWindow = await run.browser.waitForTarget(
      (t) => t.url().startsWith('https://x.com/i/oauth2/authorize'),
      {
        timeout: 10_000,
      },
    );
    const authPage = (await authWindow.page()) as Page;
    const url = new URL(authPage.url());
    expect(url.searchParams.get('code_challenge_method')).toMatch(/^s256$/i);
    expect(url.searchParams.get('scope')).toContain('offline.access');
    await authPage.click('#allow');

    await page.waitForSelector('::-p-text(Signed in as @samrep_crm.)');
    expect(await page.$eval('input[type="checkbox"]', (box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(run.x.callsTo('POST /2/oauth2/token').map((call) => call.status)).toEqual([200]);
  });

  it('revokes the OAuth 2.0 tokens at X when the account is deleted', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('::-p-aria(Delete @samrep_crm)').click();
    await page.waitForSelector('::-p-text(was deleted and its access revoked at X)');
    expect(run.x.callsTo('POST /2/oauth2/revoke').length).toBeGreaterThanOrEqual(1);
  });
});
