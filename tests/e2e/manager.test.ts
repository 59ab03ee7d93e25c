import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeAndReadPin, launchWithX, type WithX } from './harness/x-emulator';

let run: WithX;
let page: Page;

beforeAll(async () => {
  run = await launchWithX();
  page = await run.browser.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/options.html`);
});
afterAll(() => run?.close());

const text = () => page.evaluate(() => document.body.textContent ?? '');
const aria = (name: string) => page.locator(`::-p-aria(${name})`);

async function fill(label: string, value: string) {
  const field = await page.waitForSelector(`::-p-aria(${label})`);
  await field?.click({ count: 3 });
  await field?.type(value);
}

describe('the integration manager', () => {
  it('refuses to add an account until the keys are entered, in the manual’s words', async () => {
    await page.waitForSelector('::-p-text(No X account yet)');
    await aria('Add').click();
    const alert = await page.waitForSelector('[role="alert"]');
    expect(await alert?.evaluate((el) => el.textContent)).toMatch(
      /Consumer Key and Consumer Secret have not been entered yet, so no X account can be added/,
    );
  });

  it('checks the keys with X when saved: a wrong pair is refused, the right one recorded and greyed out', async () => {
    await aria('Settings…').click();
    await fill('Consumer Key', run.x.app.consumerKey);
    await fill('Consumer Secret', 'not-the-secret');
    await aria('Save').click();
    await page.waitForSelector('dialog ::-p-text(did not accept this Consumer Key)');
    await fill('Consumer Secret', run.x.app.consumerSecret);
    await aria('Save').click();
    await page.waitForSelector('dialog', { hidden: true });
    const shown = await page.$$eval('section input', (inputs) =>
      inputs
        .slice(0, 2)
        .map((i) => ({ value: (i as HTMLInputElement).value, disabled: (i as HTMLInputElement).disabled })),
    );
    expect(shown[0]).toEqual({ value: run.x.app.consumerKey, disabled: true });
    expect(shown[1]?.disabled).toBe(true);
    expect(shown[1]?.value).not.toBe(run.x.app.consumerSecret);
    expect(shown[1]?.value.length).toBeGreaterThan(0);
  });

  it('adds an account through the PIN wizard: Next opens X, the PIN finishes it', async () => {
    await aria('Add').click();
    await fill('Name', 'Sales team');
    await aria('Next').click();
    const pin = await authorizeAndReadPin(run.browser);
    expect(pin).toMatch(/^\d{7}$/);
    await page.bringToFront();
    await fill('PIN from X', pin);
    await aria('Finish').click();
    await page.waitForSelector('::-p-text(Signed in as @samrep_crm.)');
    expect(await text()).toContain('Sales team');
    const enabled = await page.$eval('input[type="checkbox"]', (box) => (box as HTMLInputElement).checked);
    expect(enabled).toBe(true);
  });

  it('disables and enables the account, and the choice survives a reload', async () => {
    // The accessible-name query resolves a table cell's only control to the cell; click the box itself.
    await page.click('input[aria-label="Enable @samrep_crm"]');
    await page.waitForFunction(
      () => !(document.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
    );
    await page.reload();
    await page.waitForSelector('::-p-text(Sales team)');
    expect(await page.$eval('input[type="checkbox"]', (box) => (box as HTMLInputElement).checked)).toBe(
      false,
    );
    await page.click('input[aria-label="Enable @samrep_crm"]');
    await page.waitForFunction(
      () => (document.querySelector('input[type="checkbox"]') as HTMLInputElement).checked,
    );
    expect(await page.$eval('input[type="radio"]', (radio) => (radio as HTMLInputElement).checked)).toBe(
      true,
    );
  });

  it('deletes the account after asking, revoking its token at X', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await aria('Delete @samrep_crm').click();
    await page.waitForSelector('::-p-text(was deleted and its access revoked at X)');
    const revokes = run.x.callsTo('POST /1.1/oauth/invalidate_token');
    expect(revokes.map((call) => call.status)).toEqual([200]);
    expect(await text()).toContain('No X account yet');
  });

  it('deletes the keys only from Maintenance, after the typed confirmation', async () => {
    const button = await page.waitForSelector('::-p-aria(Delete keys)');
    expect(await button?.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await fill('Type DELETE to confirm', 'DELETE');
    await aria('Delete keys').click();
    await page.waitForSelector('::-p-text(The keys were deleted.)');
    expect(await page.$eval('section input', (input) => (input as HTMLInputElement).value)).toBe('');
  });
});
