import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordUiHost, serveCrmPages } from './harness/crm-pages';
import { pageDecision } from './harness/page-decision';
import { watchPanelTokens } from './harness/record-panel';
import { sendFrom } from './harness/worker-messages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/** Where Chromium on Linux reads an organisation's mandatory policies, as an admin deploys them. */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'x-for-crm-e2e.json');
const EXTENSION_ID = 'igdoendhfdhhnipboohihecaklcghkmh';
const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const HUBSPOT_URL = 'https://app.hubspot.com/contacts/21436587/record/0-1/51234567801';

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
        socialView: false,
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
    const panelToken = watchPanelTokens(page);
    await page.goto(LEAD_URL);
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const panel = (await page.waitForFrame((f) => f.url().endsWith('/panel.html'))) as Frame;
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    await panel.waitForSelector('::-p-aria(Mention)');
    expect(await panel.$('::-p-aria(Follow)')).toBeNull();
    const maria = run.x.state.userByUsername('maria_acme')?.id;
    // As the panel itself sends it: with the token its content script gave it.
    const answer = await panel.evaluate(
      (id, token) => {
        type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
        return (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({
          name: 'personFollow',
          input: { xUserId: id, follow: true },
          panelToken: token,
        });
      },
      maria,
      panelToken(),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'policy-forbidden' } });
    expect(run.x.callsTo('POST /2/users/:id/following')).toHaveLength(0);
  });

  it('switches the Social view off: the side panel says so, and the background reads nothing for it', async () => {
    const side = await run.browser.newPage();
    await side.goto(`chrome-extension://${run.extensionId}/sidepanel.html`);
    await side.waitForSelector('::-p-text(Your organisation has switched the Social view off.)');
    expect(await side.$('::-p-aria(Refresh)')).toBeNull();
    const answer = await sendFrom(side, 'socialRefresh', { accountId: null });
    expect(answer).toMatchObject({ ok: false, error: { code: 'policy-forbidden' } });
    expect(run.x.callsTo('GET /2/users/:id/mentions')).toHaveLength(0);
    expect(run.x.callsTo('GET /2/tweets/search/recent')).toHaveLength(0);
    expect(run.x.callsTo('GET /2/tweets/counts/recent')).toHaveLength(0);
    await side.close();
  });

  it('shows no icon on a CRM the policy does not allow, and one on a CRM it does', async () => {
    const hubspot = await run.browser.newPage();
    await serveCrmPages(hubspot, [{ url: HUBSPOT_URL, fixture: 'hubspot/contact.html' }]);
    await hubspot.goto(HUBSPOT_URL);
    await pageDecision(hubspot, 'switched off');
    expect(await recordUiHost(hubspot)).toBeNull();
    const zoho = await run.browser.newPage();
    await serveCrmPages(zoho, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
    await zoho.goto(LEAD_URL);
    await zoho.waitForSelector('x-crm-record');
    await Promise.all([hubspot.close(), zoho.close()]);
  });

  it('lets the CRM page’s content script read a consumer secret pushed by policy, and the manager says so', async () => {
    await manager.bringToFront();
    await manager.waitForSelector('::-p-text(For managed deployments, push only the OAuth 2.0 Client ID)');

    const page = await run.browser.newPage();
    const cdp = await page.createCDPSession();
    const worlds: number[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && context.name === 'X for CRM') worlds.push(context.id);
    });
    await cdp.send('Runtime.enable');
    await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
    await page.goto(LEAD_URL);
    await page.waitForSelector('x-crm-record');
    const read = await cdp.send('Runtime.evaluate', {
      expression: `Promise.all([
        chrome.storage.managed.get(null),
        chrome.storage.local.get(null),
        chrome.storage.session.get(null).catch((e) => 'refused: ' + e.message),
      ]).then(JSON.stringify)`,
      contextId: worlds.at(-1),
      awaitPromise: true,
      returnByValue: true,
    });
    const text = String(read.result.value);
    // What is true: the pushed secret is readable where the CRM page's renderer runs.
    expect(text).toContain(run.x.app.consumerSecret);
    // And nothing else secret: no account's tokens anywhere it can read.
    const tokens = await (await run.worker()).evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('x-crm');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const accounts = await new Promise<{ oauth1?: { token: string; tokenSecret: string } }[]>((resolve) => {
        const request = db.transaction('accounts').objectStore('accounts').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      return accounts.flatMap((a) => (a.oauth1 ? [a.oauth1.token, a.oauth1.tokenSecret] : []));
    });
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(text.includes(token)).toBe(false);
    await page.close();
  });
});
