import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { HTTPRequest, Page } from 'puppeteer-core';

const X_HOSTS = new Set(['api.x.com', 'x.com', 'pbs.twimg.com']);

/** A fixture file answered for an exact https URL, as if the CRM vendor served it. */
export interface CrmRoute {
  url: string;
  fixture: string;
  headers?: Record<string, string>;
  /** Changes the fixture before it is served, e.g. to play a vendor's redesign. */
  edit?: (html: string) => string;
}

/**
 * Serves CRM fixture pages at their vendors' real URLs: the browser believes it is on
 * crm.zoho.com, so the extension's production match patterns are what is tested.
 * Any other https request is refused, so nothing leaves the machine.
 */
export async function serveCrmPages(page: Page, routes: CrmRoute[]): Promise<void> {
  const bodies = new Map<string, { body: string; headers: Record<string, string> }>();
  for (const route of routes) {
    const html = await readFile(resolve('tests/fixtures', route.fixture), 'utf8');
    bodies.set(route.url, {
      body: route.edit ? route.edit(html) : html,
      headers: route.headers ?? {},
    });
  }
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (!url.startsWith('https://') && !url.startsWith('http://')) return void request.continue();
    const served = bodies.get(url.split('#')[0] ?? url);
    if (served) {
      return void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: served.headers,
        body: served.body,
      });
    }
    // X's hosts are mapped to the emulator by the browser's resolver rules: let them through.
    if (X_HOSTS.has(new URL(url).hostname)) return void request.continue();
    if (request.isNavigationRequest()) {
      return void request.respond({ status: 404, contentType: 'text/plain', body: 'Not a fixture' });
    }
    return void request.abort('addressunreachable');
  });
}

/** The shadow host the content script puts next to a record's title, if any. */
export function recordUiHost(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('x-crm-record');
    if (!host) return null;
    return {
      // A closed root is null to the page.
      openShadowRoot: host.shadowRoot !== null,
      previousText: host.previousElementSibling?.textContent?.trim() ?? null,
      inBody: host.parentElement === document.body,
      pageIframes: document.querySelectorAll('iframe').length,
    };
  });
}
