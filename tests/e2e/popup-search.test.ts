import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const SAM = '1400000000000000000';

let run: WithX;
let popup: Page;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  // Associate Maria Garcia's lead with @maria_acme through the panel, as a sales rep does.
  const crm = await run.browser.newPage();
  await serveCrmPages(crm, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
  await crm.goto(LEAD_URL);
  await crm.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  await crm.waitForFrame((f) => f.url().endsWith('/panel.html'));
  const panel = crm.frames().find((f) => f.url().endsWith('/panel.html')) as Frame;
  await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
  await panel.waitForSelector('::-p-text(Associated with @maria_acme.)');
  await crm.close();
  popup = await run.browser.newPage();
  await popup.goto(`chrome-extension://${run.extensionId}/popup.html`);
  await popup.waitForSelector('textarea');
});
afterAll(() => run?.close());

const box = () => popup.$eval('textarea', (element) => (element as HTMLTextAreaElement).value);

describe('the popup: search recent posts, reply from a result, @-mention from the CRM', () => {
  it('says what a page costs, then shows results with author, text, time, counts and the CRM record', async () => {
    expect(await popup.$eval('#search-cost', (p) => p.textContent)).toContain('costs up to $0.15');
    const searchesBefore = run.x.callsTo('GET /2/tweets/search/recent').length;
    await popup.type('::-p-aria(Search posts of the last 7 days)', 'from:maria_acme');
    await popup.locator('::-p-aria(Search)').click();
    await popup.waitForSelector('.search-result');
    expect(run.x.callsTo('GET /2/tweets/search/recent').length).toBe(searchesBefore + 1);
    const first = await popup.$eval('.search-result', (li) => ({
      author: li.querySelector('.search-author')?.textContent,
      record: li.querySelector('.search-record a')?.textContent,
      href: li.querySelector<HTMLAnchorElement>('.search-record a')?.href,
      time: li.querySelector('time')?.getAttribute('datetime'),
      meta: li.querySelector('.search-meta')?.textContent,
    }));
    expect(first.author).toBe('Maria Garcia @maria_acme');
    expect(first.record).toBe('Maria Garcia in Zoho CRM');
    expect(first.href).toBe(LEAD_URL);
    expect(first.time).toBeTruthy();
    expect(first.meta).toMatch(/\d+ repl(y|ies) · \S+ reposts? · \S+ likes?/);
  });

  it('replies from a result: the composer starts with the handle and X records the reply', async () => {
    const maria = run.x.state.userByUsername('maria_acme');
    const newest = [...run.x.state.posts.values()]
      .filter((p) => p.authorId === maria?.id && !p.repostOf)
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    const result = await popup.waitForSelector('.search-result');
    await (await result?.waitForSelector('::-p-aria(Reply)'))?.click();
    await expect.poll(box).toBe('@maria_acme ');
    await popup.waitForSelector('::-p-text(Replying to @maria_acme)');
    await popup.type('textarea', 'Great demo at the expo.');
    await popup.locator('::-p-aria(Post)').click();
    await popup.waitForSelector('::-p-text(Posted.)');
    const reply = [...run.x.state.posts.values()].find(
      (p) => p.authorId === SAM && p.text === '@maria_acme Great demo at the expo.',
    );
    expect(reply?.inReplyToPostId).toBe(newest?.id);
  });

  it('offers the associated lead after @ and letters, from the CRM alone, and inserts the handle', async () => {
    const callsBefore = run.x.calls.length;
    await popup.type('textarea', 'Thanks @mar');
    const option = await popup.waitForSelector('[role="option"]');
    expect(await option?.evaluate((o) => o.textContent)).toContain('Maria Garcia');
    expect(await option?.evaluate((o) => o.textContent)).toContain('@maria_acme');
    const textbox = await popup.$('textarea');
    expect(await textbox?.evaluate((t) => t.getAttribute('aria-activedescendant'))).toBe(
      await option?.evaluate((o) => o.id),
    );
    await popup.keyboard.press('Enter');
    await expect.poll(box).toBe('Thanks @maria_acme ');
    expect(await popup.$('[role="listbox"]')).toBeNull();
    // Escape closes a list without changing the text.
    await popup.type('textarea', 'and @mar');
    await popup.waitForSelector('[role="option"]');
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('[role="listbox"]', { hidden: true });
    expect(await box()).toBe('Thanks @maria_acme and @mar');
    expect(run.x.calls.length).toBe(callsBefore);
  });

  it('has no accessibility violations (axe-core) in light and dark, suggestions and results showing', async () => {
    await popup.type('textarea', 'ia');
    await popup.waitForSelector('[role="option"]');
    // Evaluated over the debugging protocol: the extension's CSP refuses an added <script>.
    await popup.evaluate(await readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
    for (const scheme of ['light', 'dark']) {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const violations = await popup.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
        return (await axe.run()).violations;
      });
      expect({ scheme, violations }).toEqual({ scheme, violations: [] });
    }
  });
});
