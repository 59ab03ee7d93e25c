import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAs } from '../fake-x/conversations';
import type { Post } from '../fake-x/state';
import { serveCrmPages } from './harness/crm-pages';
import { panelFrame } from './harness/record-panel';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const CONTACT_URL = 'https://crm.zoho.com/crm/org123456/tab/Contacts/4876876000000444001';
const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const MINUTE = 60_000;

let run: WithX;
let panel: Page;
let manager: Page;
let sam: string;
let posts: { contact: Post; lead: Post; unknown: Post };

/** A message from the manager page, as the manager sends it. */
function managerSend(name: string, input: unknown) {
  return manager.evaluate(
    (n, i) => {
      type Runtime = {
        runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: unknown }> };
      };
      return (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage({ name: n, input: i });
    },
    name,
    input,
  );
}

const todayUsd = async () => ((await managerSend('usageReport', {})).value as { todayUsd: number }).todayUsd;
const usd = (text: string | null | undefined, label: RegExp) => Number(label.exec(text ?? '')?.[1]);
const MONEY = String.raw`\$(\d+\.\d+)`;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  sam = run.x.accounts[0]?.userId ?? '';
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
  // Maria Garcia is a contact and Priya Raman a lead in the rep's Zoho CRM, each associated from
  // the record's Twitter field when the rep opened its panel.
  const crm = await run.browser.newPage();
  await serveCrmPages(crm, [
    {
      url: CONTACT_URL,
      fixture: 'zoho/contact.html',
      edit: (html) => html.replace('@mariagarcia_ar', '@maria_acme'),
    },
    {
      url: LEAD_URL,
      fixture: 'zoho/lead.html',
      edit: (html) =>
        html
          .replaceAll('Maria Garcia', 'Priya Raman')
          .replace(
            '<lyte-text class="dvValue"></lyte-text></div>',
            '<lyte-text class="dvValue">@priyaraman</lyte-text></div>',
          ),
    },
  ]);
  for (const [url, name, handle] of [
    [CONTACT_URL, 'Maria Garcia', 'maria_acme'],
    [LEAD_URL, 'Priya Raman', 'priyaraman'],
  ] as const) {
    await crm.goto(url);
    await crm.locator(`::-p-aria(Open X panel for ${name})`).click();
    const frame = await panelFrame(crm);
    await frame.waitForSelector(`::-p-text(Associated with @${handle} from the CRM’s Twitter field.)`);
  }
  await crm.close();
  // Then three people speak to Sam: the contact, the lead (a reply) and someone the CRM lacks.
  const x = run.x;
  x.clock.advance(MINUTE);
  const own = postAs(
    x.state,
    { username: 'samrep_crm', text: 'Our spring price list is out.' },
    x.clock.now(),
  );
  x.clock.advance(MINUTE);
  posts = {
    contact: postAs(
      x.state,
      { username: 'maria_acme', text: '@samrep_crm please send the RFP & the price list' },
      x.clock.now(),
    ),
    lead: postAs(
      x.state,
      { username: 'priyaraman', text: 'Any discount for pilots?', replyTo: own.id },
      x.clock.now(),
    ),
    unknown: postAs(
      x.state,
      { username: 'seanoconnor', text: 'Hello @samrep_crm, are you hiring?' },
      x.clock.now(),
    ),
  };
  panel = await run.browser.newPage();
  await panel.goto(`chrome-extension://${run.extensionId}/sidepanel.html`);
  await panel.waitForSelector('::-p-text(A refresh reads at most)');
});
afterAll(() => run?.close());

const columnText = (column: string) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
  panel.$eval(`.social-${column}`, (section) => (section as HTMLElement).innerText);

/** Presses Tab until the focused element's accessible text is `name`, then Enter. */
async function pressByKeyboard(page: Page, name: string | RegExp) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (typeof name === 'string' ? focused === name : name.test(focused)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`No control named ${name} is reachable by Tab.`);
}

async function refresh() {
  const before = await panel.$eval('#social-outcome', (p) => p.textContent ?? '');
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await pressByKeyboard(panel, /^Refresh/);
  await panel.waitForFunction(
    (old) => {
      const text = document.querySelector('#social-outcome')?.textContent ?? '';
      return text !== old && /This refresh cost/.test(text);
    },
    {},
    before,
  );
  return panel.$eval('#social-outcome', (p) => p.textContent ?? '');
}

/**
 * Records each `chrome.sidePanel.open` call the extension page `from` makes (in
 * `globalThis.sidePanelCalls`), still opening the panel.
 */
function recordSidePanelOpens(from: Page | Frame): Promise<void> {
  return from.evaluate(() => {
    type SidePanel = { open(options: unknown): Promise<void> };
    const chrome = (globalThis as unknown as { chrome: { sidePanel: SidePanel } }).chrome;
    const calls: unknown[] = [];
    (globalThis as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls = calls;
    const open = chrome.sidePanel.open.bind(chrome.sidePanel);
    chrome.sidePanel.open = (options) => {
      calls.push(options);
      return open(options);
    };
  });
}

describe('the Social view', () => {
  // Headless Chromium has no side panel to show, so sidePanel.open is watched as the popup
  // calls it (with the popup's window, inside the click); the view itself is tested in a tab.
  it('opens in the side panel from the toolbar popup', async () => {
    const popup = await run.browser.newPage();
    await popup.goto(`chrome-extension://${run.extensionId}/popup.html`);
    const windowId = await popup.evaluate(
      async () =>
        (
          await (
            globalThis as unknown as { chrome: { windows: { getCurrent(): Promise<{ id: number }> } } }
          ).chrome.windows.getCurrent()
        ).id,
    );
    await recordSidePanelOpens(popup);
    const button = await popup.waitForSelector('::-p-aria(Social view)');
    await popup.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.social-open')?.disabled);
    await button?.click();
    await popup
      .waitForFunction(
        () => (globalThis as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls.length > 0,
      )
      .catch(() => undefined);
    const calls = await popup
      .evaluate(() => (globalThis as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls)
      .catch(() => null);
    // The popup closes itself once the panel opened; if it is still there, it called open.
    if (calls) expect(calls).toEqual([{ windowId }]);
    if (!popup.isClosed()) await popup.close();
    const manifest = JSON.parse(await readFile(resolve('.output/chrome-mv3/manifest.json'), 'utf8'));
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  });

  it('opens from the record panel too, beside the CRM tab', async () => {
    const crm = await run.browser.newPage();
    await serveCrmPages(crm, [
      {
        url: CONTACT_URL,
        fixture: 'zoho/contact.html',
        edit: (html) => html.replace('@mariagarcia_ar', '@maria_acme'),
      },
    ]);
    await crm.goto(CONTACT_URL);
    await crm.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const frame = await panelFrame(crm);
    await frame.waitForSelector('::-p-text(Associated with @maria_acme)');
    await recordSidePanelOpens(frame);
    try {
      await frame.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.social-open')?.disabled);
      // Once in a loaded CI run a click was lost (no call within 30 s, the cause not found): a
      // person would click again, and so does the test, up to three times.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await frame.locator('::-p-aria(Social view)').click();
        const asked = await frame
          .waitForFunction(
            () => (globalThis as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls.length > 0,
            { timeout: 10_000 },
          )
          .then(
            () => true,
            () => false,
          );
        if (asked) break;
      }
      const calls = await frame.evaluate(
        () => (globalThis as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls,
      );
      expect(calls[0]).toEqual({ windowId: expect.any(Number) });
    } finally {
      // The side panel's page must be in front again, or the later tests wait on a hidden page.
      await crm.close();
      await panel.bringToFront();
    }
  });

  it('says the price first, then sorts who spoke to Sam into Customers, Leads and Potential contacts', async () => {
    const quoteText = await panel.$eval('#social-quote', (p) => p.textContent ?? '');
    const quoted = usd(quoteText, new RegExp(`may cost up to ${MONEY}`));
    expect(quoted).toBeGreaterThan(0);
    // Nothing was read from X before the rep asked.
    expect(run.x.callsTo('GET /2/users/:id/mentions')).toHaveLength(0);
    const spentBefore = await todayUsd();
    const outcome = await refresh();
    const cost = usd(outcome, new RegExp(`This refresh cost ${MONEY}`));
    const recorded = (await todayUsd()) - spentBefore;
    expect(Math.abs(cost - recorded)).toBeLessThan(0.01);
    expect(recorded).toBeLessThanOrEqual(quoted + 1e-9);

    expect(await columnText('customers')).toContain('please send the RFP & the price list');
    expect(await columnText('customers')).toContain('Maria Garcia @maria_acme');
    expect(await columnText('leads')).toContain('Any discount for pilots?');
    expect(await columnText('potential')).toContain('Hello @samrep_crm, are you hiring?');
    expect(await columnText('potential')).toContain("Find Seán O'Connor in Zoho CRM");
  });

  it('opens the contact’s CRM record from its item', async () => {
    const opened = run.browser.waitForTarget((t) => t.url() === CONTACT_URL, { timeout: 5000 });
    const link = await panel.waitForSelector('.social-customers a.social-record');
    expect(await link?.evaluate((a) => a.textContent)).toBe('Open Maria Garcia in Zoho CRM');
    await link?.click();
    const tab = await opened;
    expect(tab.url()).toBe(CONTACT_URL);
    await (await tab.page())?.close();
    await panel.bringToFront();
  });

  it('replies from the item as the mentioned account, and X has it as a reply to that post', async () => {
    const item = await panel.waitForSelector('.social-customers .social-item');
    await (await item?.waitForSelector('::-p-aria(Reply)'))?.click();
    const box = await item?.waitForSelector('textarea');
    expect(await box?.evaluate((t) => (t as HTMLTextAreaElement).value)).toBe('@maria_acme ');
    await box?.type('On its way today.');
    await (await item?.waitForSelector('::-p-text(Send reply)'))?.click();
    await item?.waitForSelector('::-p-text(Posted.)');
    const reply = [...run.x.state.posts.values()].find((p) => p.text === '@maria_acme On its way today.');
    expect(reply?.authorId).toBe(sam);
    expect(reply?.inReplyToPostId).toBe(posts.contact.id);
  });

  it('likes from the item as the mentioned account, the button pressed at once', async () => {
    const item = await panel.waitForSelector('.social-leads .social-item');
    await (await item?.waitForSelector('::-p-aria(Like)'))?.click();
    const unlike = await item?.waitForSelector('::-p-aria(Unlike)');
    expect(await unlike?.evaluate((b) => b.getAttribute('aria-pressed'))).toBe('true');
    await expect.poll(() => run.x.state.likes.has(`${sam}:${posts.lead.id}`), { timeout: 5000 }).toBe(true);
  });

  it('shows two new posts by associated people as news, and a second refresh reads no post again', async () => {
    const x = run.x;
    x.clock.advance(MINUTE);
    postAs(
      x.state,
      { username: 'maria_acme', text: 'Acme closed its Series C funding today.' },
      x.clock.now(),
    );
    postAs(x.state, { username: 'priyaraman', text: 'My team is hiring two analysts.' }, x.clock.now());
    await refresh();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
    const news = await panel.$eval('.social-news-list', (section) => (section as HTMLElement).innerText);
    expect(news).toContain('Acme closed its Series C funding today.');
    expect(news).toContain('My team is hiring two analysts.');
    expect(await panel.$$eval('.social-news-list mark', (marks) => marks.map((m) => m.textContent))).toEqual(
      expect.arrayContaining(['funding', 'hiring']),
    );

    const searchesBefore = x.callsTo('GET /2/tweets/search/recent').length;
    const spentBefore = await todayUsd();
    const outcome = await refresh();
    expect(outcome).toContain('0 new items. This refresh cost $0.00.');
    expect(x.callsTo('GET /2/tweets/search/recent').length).toBe(searchesBefore + 1);
    expect(await todayUsd()).toBe(spentBefore);
  });

  it('filters news by a word, by keyboard', async () => {
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await pressByKeyboard(panel, 'funding');
    await panel.waitForFunction(
      () => !document.querySelector('.social-news-list')?.textContent?.includes('My team is hiring'),
    );
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
    const news = await panel.$eval('.social-news-list', (section) => (section as HTMLElement).innerText);
    expect(news).toContain('Acme closed its Series C funding today.');
    await pressByKeyboard(panel, 'All news');
  });

  it('has no accessibility violations (axe-core) in light and dark', async () => {
    await panel.evaluate(await readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
    for (const scheme of ['light', 'dark']) {
      await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const violations = await panel.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
        return (await axe.run()).violations;
      });
      expect({ scheme, violations }).toEqual({ scheme, violations: [] });
    }
  });
});
