import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';

let run: WithX;
let page: Page;
let cdp: CDPSession;
const contentScriptContexts: number[] = [];
let secrets: string[] = [];

/** Runs code in the extension's content-script world on the CRM page, as the content script would. */
async function inContentScript(expression: string): Promise<unknown> {
  const contextId = contentScriptContexts.at(-1);
  if (contextId === undefined) throw new Error('no content-script world on the page');
  const result = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? 'failed');
  return result.result.value;
}

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  page = await run.browser.newPage();
  cdp = await page.createCDPSession();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    // The extension's world is named after it; puppeteer's own worlds start with "__puppeteer".
    if (aux?.type === 'isolated' && context.name === 'X for CRM') contentScriptContexts.push(context.id);
  });
  await cdp.send('Runtime.enable');
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
  await page.goto(LEAD_URL);
  // Use the product fully: open the panel, associate, load posts.
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const panel = await page.waitForFrame((f) => f.url().endsWith('/panel.html'));
  await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
  await panel.waitForSelector('ol.posts li');

  // The secrets, read where only the worker can read them.
  const worker = await run.worker();
  secrets = await worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('x-crm');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
      });
    const accounts = await all<{ oauth1?: { token: string; tokenSecret: string } }>('accounts');
    const keys = await all<{ consumerSecret: string }>('appKeys');
    return [
      ...accounts.flatMap((a) => (a.oauth1 ? [a.oauth1.token, a.oauth1.tokenSecret] : [])),
      ...keys.map((k) => k.consumerSecret),
    ];
  });
});
afterAll(() => run?.close());

function expectNoSecret(where: string, text: string) {
  for (const secret of secrets) expect(text.includes(secret), `${where} holds a secret`).toBe(false);
}

describe('secrets never reach the CRM page or the content script', () => {
  it('has the secrets to look for', () => {
    expect(secrets.length).toBe(3);
    expect(secrets.every((s) => s.length >= 16)).toBe(true);
  });

  it('are not in storage.local or storage.sync, as the content script reads them', async () => {
    const local = await inContentScript('chrome.storage.local.get(null).then(JSON.stringify)');
    const sync = await inContentScript('chrome.storage.sync.get(null).then(JSON.stringify)');
    expect(typeof local).toBe('string');
    expectNoSecret('storage.local', String(local));
    expectNoSecret('storage.sync', String(sync));
  });

  it('are not in storage.managed, which the content script can read', async () => {
    // Chromium gives content scripts storage.managed: whatever an organisation pushes by
    // policy is readable on every CRM page (the README's admin section says so). Keys and
    // tokens entered in the manager never go there.
    const managed = await inContentScript(
      'chrome.storage.managed.get(null).then(JSON.stringify, (e) => "refused: " + e.message)',
    );
    expect(String(managed)).not.toMatch(/^refused/);
    expectNoSecret('storage.managed', String(managed));
  });

  it('cannot be read from storage.session by the content script', async () => {
    const session = await inContentScript(
      'chrome.storage.session.get(null).then(() => "readable", (e) => "refused: " + e.message)',
    );
    expect(String(session)).toMatch(/^refused/);
  });

  it('are not in any answer the background gives the content script', async () => {
    const answers = await inContentScript(`Promise.all([
      chrome.runtime.sendMessage({ name: 'panelTab', input: {} }),
      chrome.runtime.sendMessage({ name: 'managerState', input: {} }),
      chrome.runtime.sendMessage({ name: 'panelView', input: {} }),
      chrome.runtime.sendMessage({ name: 'recordLeft', input: { at: 0 } }),
    ]).then(JSON.stringify)`);
    const text = String(answers);
    expectNoSecret('answers to the content script', text);
    // Everything but its own message is refused for the content script.
    expect(text.match(/sender-not-allowed/g)?.length).toBe(3);
  });

  it('are not in the DOM the extension built (closed shadow root included), nor in the page’s own storage', async () => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    expectNoSecret('DOM', JSON.stringify(root));
    const pageStorage = await page.evaluate(async () =>
      JSON.stringify({
        local: { ...localStorage },
        session: { ...sessionStorage },
        databases: await indexedDB.databases(),
        cookies: document.cookie,
      }),
    );
    expectNoSecret('page storage', pageStorage);
  });
});
