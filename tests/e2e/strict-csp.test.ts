import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordUiHost, serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/** A CRM that sends the strictest usual policy: the extension's icon and panel still work. */

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const CSP = "default-src 'self'";

let run: WithX;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  page = await run.browser.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await serveCrmPages(page, [
    { url: LEAD_URL, fixture: 'zoho/lead.html', headers: { 'Content-Security-Policy': CSP } },
  ]);
});
afterAll(() => run?.close());

describe(`a Zoho lead served with "Content-Security-Policy: ${CSP}"`, () => {
  it('is really under that policy: the page’s own inline style is blocked', async () => {
    const response = await page.goto(LEAD_URL);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    // The fixture's inline <style> gives the header a flex layout; under the policy it does not apply.
    const display = await page.$eval('#recHeader1', (el) => getComputedStyle(el).display);
    expect(display).toBe('block');
  });

  it('shows the icon after the record’s name, styled, in its closed root', async () => {
    await page.waitForSelector('x-crm-record');
    expect(await recordUiHost(page)).toEqual({
      openShadowRoot: false,
      previousText: 'Maria Garcia',
      inBody: false,
      pageIframes: 0,
    });
    const size = await page.$eval('x-crm-record', (host) => {
      const box = host.getBoundingClientRect();
      return { width: Math.round(box.width), height: Math.round(box.height) };
    });
    // Unstyled, a bare button with an SVG would not be this small and square.
    expect(size.width).toBeGreaterThan(0);
    expect(size.width).toBeLessThanOrEqual(40);
  });

  it('opens the panel, which shows the record and finds the people on X', async () => {
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const panel = await page.waitForFrame((f) => f.url().endsWith('/panel.html'));
    await panel.waitForSelector('::-p-text(Maria Garcia)');
    const record = await panel.$eval('.record', (el) => el.textContent ?? '');
    expect(record).toContain('Acme Robotics');
    expect(record).toContain('maria@acmerobotics.com');
    const list = await panel.waitForSelector('::-p-aria(People found on X)');
    const rows = (await list?.$$eval('li', (items) => items.map((li) => li.textContent ?? ''))) ?? [];
    expect(rows[0]).toContain('@maria_acme');
    // The panel's own styles applied (the extension page is not under the CRM's policy).
    const font = await panel.$eval('body', (body) => getComputedStyle(body).fontFamily);
    expect(font).not.toBe('');
  });

  it('reports no policy violation caused by the extension', () => {
    // The page's inline <style> is refused (the page's own doing); nothing else is.
    const ours = violations.filter((text) => !/style/i.test(text));
    expect(ours).toEqual([]);
  });
});
