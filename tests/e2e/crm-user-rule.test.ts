import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { serveCrmPages } from './harness/crm-pages';
import { panelRecord, recordIcons, waitForPanelName } from './harness/record-panel';
import { sendFrom, valueFrom } from './harness/worker-messages';

/** A CRM no adapter knows (tests/fixtures/other/contact.html). */
const HOST = 'https://crm.example-crm.com/*';
const RECORD_URL = 'https://crm.example-crm.com/app/contacts/8842';

let chromium: ExtensionBrowser;
let crm: Page;
let manager: Page;

beforeAll(async () => {
  // The user's Allow on the permission prompt, recorded in the profile: see grantedHosts.
  chromium = await launchWithExtension([], { grantedHosts: [HOST] });
  crm = await chromium.browser.newPage();
  await serveCrmPages(crm, [{ url: RECORD_URL, fixture: 'other/contact.html' }]);
  await crm.goto(RECORD_URL);
  manager = await chromium.browser.newPage();
  await manager.goto(`chrome-extension://${chromium.extensionId}/options.html`);
  // The rules' code is fetched when the person opens their section.
  await manager.locator('::-p-aria(Show Other CRMs)').click();
  await manager.waitForSelector('input[name="ruleName"]');
});
afterAll(() => chromium?.close());

/** The content scripts the worker registered for rule hosts, as the browser holds them. */
function registeredScripts(): Promise<{ matches?: string[] }[]> {
  return manager.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: the page's own extension API, untyped here
    () => (globalThis as any).chrome.scripting.getRegisteredContentScripts(),
  );
}

async function typeInto(name: string, text: string) {
  const field = await manager.$(`[name="${name}"]`);
  if (!field) throw new Error(`No field ${name}`);
  await field.click({ count: 3 });
  await manager.keyboard.press('Backspace');
  await field.type(text);
}

/** Presses "Try on open tabs" and returns the results' text as the user reads it. */
async function tryRule(): Promise<string> {
  await manager.locator('::-p-aria(Try on open tabs)').click();
  const list = await manager.waitForSelector('ul.rule-tried', { timeout: 10_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
  const text = (await list?.evaluate((element) => (element as HTMLElement).innerText)) ?? '';
  await manager.evaluate(() => document.querySelector('ul.rule-tried')?.remove());
  return text;
}

describe('a user rule for a CRM not in the list', () => {
  it('shows no icon before there is a rule', async () => {
    // The worker's answer is the sign: no content script is registered for any host, so none
    // ran on the page, which has loaded.
    expect(await registeredScripts()).toEqual([]);
    expect(await crm.$('x-crm-record')).toBeNull();
  });

  it('is refused with the reason beside the field when its regex backtracks catastrophically', async () => {
    await manager.select('select[name="rulePathKind"]', 'regex');
    for (const pattern of ['^/app/contacts/(?<id>(\\d+)+)$', '^/c/(?<id>((a+))+)$']) {
      await typeInto('rulePath', pattern);
      await manager.locator('::-p-aria(Try on open tabs)').click();
      const note = await manager.waitForSelector('#rule-problem-path');
      expect(await note?.evaluate((element) => element.textContent)).toContain('backtracks catastrophically');
      await manager.locator('::-p-aria(Save rule)').click();
      expect(await note?.evaluate((element) => element.textContent)).toContain('backtracks catastrophically');
    }
    expect(await manager.evaluate(() => document.body.textContent?.includes('Saved the rule'))).toBe(false);
  });

  it('says what a broken selector did not find, and the page carries on', async () => {
    await typeInto('ruleName', 'Example CRM contacts');
    await typeInto('ruleMatches', HOST);
    await manager.select('select[name="rulePathKind"]', 'pattern');
    await typeInto('rulePath', '/app/contacts/:id');
    await manager.select('select[name="ruleType"]', 'contact');
    await typeInto('rule-name', '.no-such-heading');
    await typeInto('rule-company', 'Company');
    await typeInto('rule-email', 'Email');
    await typeInto('rule-twitter', 'Twitter');
    const text = await tryRule();
    expect(text).toContain('Not found on this page: Name.');
    expect(await crm.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Ada Lovelace');
  });

  it('shows on the open tab what it would read, before it is saved', async () => {
    await typeInto('rule-name', 'h1.contact-name');
    const text = await tryRule();
    for (const shown of [
      'contact',
      '8842',
      'Ada Lovelace',
      'Analytical Engines Ltd',
      'ada@analytical.example',
      '@ada_engines',
    ]) {
      expect(text).toContain(shown);
    }
    expect(await crm.$('x-crm-record')).toBeNull();
  });

  it('once saved, puts the icon after the name and the panel shows the record', async () => {
    await manager.locator('::-p-aria(Save rule)').click();
    await manager.waitForFunction(() =>
      document.body.textContent?.includes('Saved the rule Example CRM contacts'),
    );
    // A background tab runs no animation frames, which the locator's click waits for.
    await crm.bringToFront();
    await crm.reload();
    await crm.waitForSelector('x-crm-record', { timeout: 10_000 });
    expect(await recordIcons(crm)).toMatchObject({ count: 1, floating: false, anchorText: 'Ada Lovelace' });
    await crm.locator('::-p-aria(Open X panel for Ada Lovelace)').click();
    const panel = await waitForPanelName(crm, 'Ada Lovelace');
    const shown = await panelRecord(panel);
    expect(shown.rows.Company).toBe('Analytical Engines Ltd');
    expect(shown.rows.Email).toBe('ada@analytical.example');
  });

  it('can be edited: Save replaces it under its id, the host not asked for again, and the icon reads as edited', async () => {
    type Listed = { id: string; name: string }[];
    const before = await valueFrom<Listed>(manager, 'rulesList');
    // Counts the manager's requests for hosts, however it makes them.
    await manager.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the page's own extension API, untyped here
      const permissions = (globalThis as any).chrome.permissions;
      const request = permissions.request.bind(permissions);
      (globalThis as { hostRequests?: unknown[] }).hostRequests = [];
      permissions.request = (...args: unknown[]) => {
        (globalThis as { hostRequests?: unknown[] }).hostRequests?.push(args[0]);
        return request(...args);
      };
    });
    await manager.bringToFront();
    await manager.locator('::-p-aria(Edit the rule Example CRM contacts)').click();
    await manager.waitForSelector('::-p-text(Editing the rule Example CRM contacts)');
    expect(await manager.$eval('[name="ruleMatches"]', (input) => (input as HTMLInputElement).value)).toBe(
      HOST,
    );
    await typeInto('ruleName', 'Example CRM people');
    // The rep reads the company from another row now.
    await typeInto('rule-company', 'Phone');
    await manager.locator('::-p-aria(Save rule)').click();
    await manager.waitForSelector('::-p-text(Saved the rule Example CRM people)');
    const after = await valueFrom<Listed>(manager, 'rulesList');
    expect(after).toHaveLength(before.length);
    expect(after.map((rule) => [rule.id, rule.name])).toEqual([[before[0]?.id, 'Example CRM people']]);
    expect(await manager.evaluate(() => (globalThis as { hostRequests?: unknown[] }).hostRequests)).toEqual(
      [],
    );

    await crm.bringToFront();
    await crm.reload();
    await crm.locator('::-p-aria(Open X panel for Ada Lovelace)').click();
    const panel = await waitForPanelName(crm, 'Ada Lovelace');
    await panel.waitForFunction(() => document.body.textContent?.includes('+44 20 7946 0018'), {
      timeout: 10_000,
    });
    expect((await panelRecord(panel)).rows.Company).toBe('+44 20 7946 0018');
  });

  it('cannot hang a page with a pattern stored past the manager, matching in linear time', async () => {
    // What the manager's form refuses but the worker's own check lets through (an older
    // version's rules, or a page of ours sending past the form): the pattern that took a
    // backtracking engine 148 s on a 36-character path, tried before a rule that matches.
    const slowPath = `https://crm.example-crm.com/c/${'a'.repeat(32)}!`;
    const saved = await valueFrom<unknown[]>(manager, 'rulesList');
    const base = saved[0] as Record<string, unknown>;
    const hanging = {
      ...base,
      id: 'hanging',
      name: 'Hanging',
      pathKind: 'regex',
      path: '^/c/(?<id>((a+))+)$',
    };
    const matching = {
      ...base,
      id: 'matching',
      name: 'Matching',
      pathKind: 'regex',
      path: '^/c/(?<id>a+)!$',
    };
    for (const rule of [hanging, matching]) {
      expect(await sendFrom(manager, 'ruleSave', rule)).toMatchObject({ ok: true });
    }
    const page = await chromium.browser.newPage();
    try {
      await serveCrmPages(page, [{ url: slowPath, fixture: 'other/contact.html' }]);
      const started = Date.now();
      await page.goto(slowPath);
      // The icon of the rule after the hanging one is the sign the page went on.
      await page.waitForSelector('x-crm-record', { timeout: 10_000 });
      expect(await recordIcons(page)).toMatchObject({ count: 1, anchorText: 'Ada Lovelace' });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Ada Lovelace');
    } finally {
      await page.close();
      for (const id of ['hanging', 'matching']) await valueFrom(manager, 'ruleDelete', { id });
    }
  });

  it('once deleted, gives the host back and the icon no longer comes', async () => {
    await manager.bringToFront();
    await manager.locator('::-p-aria(Delete the rule Example CRM people)').click();
    await manager.waitForFunction(() => document.body.textContent?.includes('Deleted the rule'));
    const granted = await manager.evaluate(
      // biome-ignore lint/suspicious/noExplicitAny: the page's own extension API, untyped here
      (origin) => (globalThis as any).chrome.permissions.contains({ origins: [origin] }),
      HOST,
    );
    expect(granted).toBe(false);
    // The worker has taken back the content script it registered for the rule's host.
    await expect.poll(registeredScripts).toEqual([]);
    await crm.reload();
    expect(await crm.$('x-crm-record')).toBeNull();
  });
});
