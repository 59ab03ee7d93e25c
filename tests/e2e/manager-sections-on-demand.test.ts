// The manager paints without the code of its backup and rules sections; each is fetched when
// the person opens it, by pointer or keyboard, and the focus moves into it.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';

let chromium: ExtensionBrowser;
let page: Page;
/** The scripts the page has fetched, by file name (extension pages are not in its resource timing). */
const fetched: string[] = [];

beforeAll(async () => {
  chromium = await launchWithExtension();
  page = await chromium.browser.newPage();
  page.on('request', (request) => {
    const name = request.url().split('/').pop() ?? '';
    if (name.endsWith('.js')) fetched.push(name);
  });
  await page.goto(`chrome-extension://${chromium.extensionId}/options.html`);
  // The sign the manager ran: its first section, drawn from the worker's answer.
  await page.waitForSelector('::-p-aria(Show Backup)');
});
afterAll(() => chromium?.close());

const scripts = async () => [...fetched];
const focusedText = () =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? null);

describe('the manager’s sections on demand', () => {
  it('loads the backup code only when Backup is opened, and puts the focus in it', async () => {
    // The sign the page ran: its one script was fetched.
    expect(await scripts()).toContain('manager-app.js');
    expect(await scripts()).not.toContain('manager-backup.js');
    await page.locator('::-p-aria(Show Backup)').click();
    await page.waitForSelector('::-p-aria(Export JSON (associations and settings))');
    expect(await scripts()).toContain('manager-backup.js');
    expect(await focusedText()).toBe('Export JSON (associations and settings)');
  });

  it('loads the rules code only when Other CRMs is opened by keyboard, and puts the focus in it', async () => {
    expect(await scripts()).not.toContain('manager-rules.js');
    await page.focus('::-p-aria(Show Other CRMs)');
    await page.keyboard.press('Enter');
    await page.waitForSelector('::-p-text(No rules yet)');
    expect(await scripts()).toContain('manager-rules.js');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('ruleName');
  });

  it('fetches the 3 MB backtracking checker after the rules section shows, in a script of its own', async () => {
    // Its script comes once the rule form is drawn, and the section's script does not carry it.
    await expect.poll(scripts).toContain('manager-recheck.js');
    expect(fetched.indexOf('manager-recheck.js')).toBeGreaterThan(fetched.indexOf('manager-rules.js'));
    const sizes = await page.evaluate(async () => {
      const size = async (file: string) => (await (await fetch(`/${file}`)).text()).length;
      return { rules: await size('manager-rules.js'), checker: await size('manager-recheck.js') };
    });
    expect(sizes.rules).toBeLessThan(1_000_000);
    expect(sizes.checker).toBeGreaterThan(1_000_000);
  });
});
