import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/** Where Chromium on Linux reads an organisation's mandatory policies, as an admin deploys them. */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'x-for-crm-e2e.json');
const EXTENSION_ID = 'igdoendhfdhhnipboohihecaklcghkmh';
const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';

let run: WithX;
let manager: Page;

beforeAll(async () => {
  // The policy names the emulator's keys, so the emulator starts first.
  run = await launchWithX({
    beforeBrowser: async (x) => {
      await mkdir(POLICY_DIR, { recursive: true });
      const policy = {
        consumerKey: x.app.consumerKey,
        consumerSecret: x.app.consumerSecret,
        clientId: x.app.clientId,
        allowFollow: false,
        lockSettings: true,
        dailyBudgetUsd: 50,
        allowedCrms: ['zoho', 'salesforce'],
      };
      await writeFile(
        POLICY_FILE,
        JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }),
      );
    },
  });
  expect(run.extensionId).toBe(EXTENSION_ID);
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
});
afterAll(async () => {
  await run?.close();
  await rm(POLICY_FILE, { force: true });
});

describe('an organisation’s policy, deployed as a managed browser policy', () => {
  it('fills the keys, marks them set by the organisation and locks them in the manager', async () => {
    await manager.waitForSelector('::-p-text(Set by your organisation)');
    const settings = await manager.waitForSelector('::-p-aria(Settings…)');
    expect(await settings?.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(
      await manager.$eval('input[aria-label="Consumer Key"]', (i) => (i as HTMLInputElement).value),
    ).toBe(run.x.app.consumerKey);
    expect(await manager.$('::-p-aria(Delete keys)')).toBeNull();
  });

  it('sets the daily budget above the default and locks it, with the other settings', async () => {
    // The policy may reach the browser after the manager opened: the manager follows it.
    await manager.waitForSelector('::-p-aria(Daily budget (US dollars))');
    await manager.waitForFunction(
      () => {
        const input = [...document.querySelectorAll('input')].find((i) => i.closest('form.budget'));
        return input?.disabled === true && input.value === '50';
      },
      { timeout: 10_000 },
    );
    const zoho = await manager.waitForSelector('::-p-aria([name="Zoho CRM"][role="checkbox"])');
    // Disabled with its fieldset, as a person (and assistive technology) finds it.
    expect(await zoho?.evaluate((input) => input.matches(':disabled'))).toBe(true);
  });

  it('refuses to change locked keys in the background too', async () => {
    const answer = await manager.evaluate(() => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      return (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({
        name: 'keysDelete',
        input: { confirm: 'DELETE' },
      });
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'policy-locked' } });
  });

  it('does not offer Follow on a record, and the background refuses it; allowed actions still work', async () => {
    await signInThroughManager(run, { keysFromPolicy: true });
    const page = await run.browser.newPage();
    await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
    await page.goto(LEAD_URL);
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const panel = (await page.waitForFrame((f) => f.url().endsWith('/panel.html'))) as Frame;
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    await panel.waitForSelector('::-p-aria(Mention)');
    expect(await panel.$('::-p-aria(Follow)')).toBeNull();
    const maria = run.x.state.userByUsername('maria_acme')?.id;
    const answer = await panel.evaluate((id) => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      return (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({
        name: 'personFollow',
        input: { xUserId: id, follow: true },
      });
    }, maria);
    expect(answer).toMatchObject({ ok: false, error: { code: 'policy-forbidden' } });
    expect(run.x.callsTo('POST /2/users/:id/following')).toHaveLength(0);
  });
});
