// Firefox ESR driven by puppeteer over WebDriver BiDi, with the built firefox-mv3 installed
// as a temporary add-on (BiDi webExtension.install, Firefox 138 and later).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  '/Applications/Firefox Developer Edition.app/Contents/MacOS/firefox',
];

/** The Firefox the tests drive: FIREFOX_PATH, else a system Firefox. Never downloaded. */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'The Firefox end-to-end tests need Firefox 140 ESR or later and found none. Install it ' +
      '(Debian/Ubuntu: `sudo apt-get install -y firefox-esr`) or set FIREFOX_PATH to its executable.',
  );
}

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv3');

/** The add-on id of the Firefox build (browser_specific_settings.gecko.id). */
export function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('The Firefox build has no browser_specific_settings.gecko.id.');
  return id;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The add-on id Firefox reports after installing it. */
  addonId: string;
  /** moz-extension://<uuid> of this profile: where the extension's pages live. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts Firefox headless in a throwaway profile whose every request goes through the proxy
 * at `proxyPort` (see host-proxy.ts), with certificate errors accepted in this session only
 * (the local servers' certificates are self-signed), and installs the built extension.
 */
export async function launchFirefoxWithExtension(proxyPort: number): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('No Firefox build in .output/firefox-mv3: run `npm run build:firefox` first.');
  }
  const id = geckoId();
  // Firefox gives each add-on a random moz-extension UUID per profile; fixing it in the
  // profile lets the tests open the extension's pages by address.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '',
      // No DNS-over-HTTPS or captive-portal probes around the proxy.
      'network.trr.mode': 5,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const addonId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    addonId,
    origin: `moz-extension://${uuid}`,
    close: () => browser.close(),
  };
}
