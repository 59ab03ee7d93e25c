import { createHash } from 'node:crypto';
import type { Browser, Page } from 'puppeteer-core';
import { DEMO_HOSTS, startCrmServer } from '../../../scripts/sandbox/crm-server';
import { type FakeX, startFakeX } from '../../fake-x';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from './firefox';
import { type HostProxy, startHostProxy } from './host-proxy';
import { openExtensionPage } from './ui';

const X_HOSTS = ['api.x.com', 'x.com', 'pbs.twimg.com'];

export interface FirefoxRun extends FirefoxWithExtension {
  x: FakeX;
  proxy: HostProxy;
  /** Opens one of the extension's pages (`/options.html`, `/popup.html`) in a new tab. */
  open(path: string): Promise<Page>;
}

/**
 * The X emulator, the demo CRM pages at their vendors' real URLs (scripts/sandbox/crm-server)
 * and Firefox with the built extension, its requests for those hosts sent to them by
 * host-proxy.ts.
 */
export async function launchFirefoxWithX(): Promise<FirefoxRun> {
  const x = await startFakeX({ https: true });
  const crm = await startCrmServer();
  const ports = new Map<string, number>([
    ...X_HOSTS.map((host) => [host, x.port] as const),
    ...DEMO_HOSTS.map((host) => [host, crm.port] as const),
  ]);
  const proxy = await startHostProxy(ports);
  const firefox = await launchFirefoxWithExtension(proxy.port);
  return {
    ...firefox,
    x,
    proxy,
    open: (path) => openExtensionPage(() => firefox.browser.newPage(), firefox.origin, path),
    close: async () => {
      await firefox.close();
      await proxy.close();
      await crm.close();
      await x.close();
    },
  };
}

/**
 * Firefox's identity.getRedirectURL(): `https://<hex SHA-1 of the add-on id>.extensions.allizom.org/`
 * (toolkit/components/extensions/parent/ext-identity.js, and MDN's identity.getRedirectURL).
 */
export function firefoxRedirectUrl(addonId: string): string {
  return `https://${createHash('sha1').update(addonId).digest('hex')}.extensions.allizom.org/`;
}

/** The page X opened in a new tab or window whose address starts with `prefix`. */
export async function xPage(browser: Browser, prefix: string): Promise<Page> {
  const target = await browser.waitForTarget((t) => t.url().startsWith(prefix), { timeout: 15_000 });
  return (await target.page()) as Page;
}
