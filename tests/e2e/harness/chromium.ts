import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The browser the tests drive: CHROME_PATH, else a system Chromium or Chrome. Never downloaded. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'The end-to-end tests need Chromium or Chrome and found neither. Install one ' +
      '(Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: install Google Chrome) ' +
      'or set CHROME_PATH to its executable.',
  );
}

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** The Chrome extension id the manifest key pins (README, Install). */
export const EXTENSION_ID = 'igdoendhfdhhnipboohihecaklcghkmh';

/** Flags that keep Chromium quiet on a machine with no outside network. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter',
];

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  worker: () => Promise<WebWorker>;
  close: () => Promise<void>;
}

/**
 * Flags that send the browser's requests for X to a local emulator, the way a user's browser
 * reaches X: the production build keeps talking to https://api.x.com and https://x.com.
 */
export function xEmulatorFlags(port: number): string[] {
  return [
    `--host-resolver-rules=MAP api.x.com 127.0.0.1:${port},MAP x.com 127.0.0.1:${port},MAP pbs.twimg.com 127.0.0.1:${port}`,
    // The emulator's certificate is made at start; this throwaway profile accepts it.
    '--ignore-certificate-errors',
  ];
}

/** Starts Chromium with the built extension in a throwaway profile and waits for its worker. */
export async function launchWithExtension(
  extraArgs: string[] = [],
  options: { downloadsDir?: string; grantedHosts?: string[]; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'x-crm-e2e-'));
  const preferences: Record<string, unknown> = {};
  if (options.downloadsDir) {
    // Where a user's downloads go, set as a user sets it: in the profile's preferences.
    preferences.download = { default_directory: options.downloadsDir, prompt_for_download: false };
  }
  if (options.grantedHosts) {
    // Hosts the user allowed earlier, recorded where Chromium keeps a granted optional host
    // permission. Headless Chromium shows permissions.request's prompt where puppeteer cannot
    // press Allow, and chrome://extensions (developerPrivate.addHostPermission,
    // updateSiteAccess) grants no optional host; with the host recorded, request() resolves
    // true with no prompt, as it does for a user who allowed the site before. The build is
    // untouched: the manifest still only lists the host as optional.
    const granted = { explicit_host: options.grantedHosts, scriptable_host: [] };
    preferences.extensions = {
      settings: {
        [EXTENSION_ID]: {
          granted_permissions: granted,
          runtime_granted_permissions: granted,
          active_permissions: granted,
        },
      },
    };
  }
  if (Object.keys(preferences).length > 0) {
    await mkdir(join(profile, 'Default'), { recursive: true });
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    pipe: true,
    userDataDir: profile,
    enableExtensions: [extensionDir],
    args: [...QUIET_FLAGS, ...extraArgs],
  });
  // Chromium does not wait for the extension to install before handing over the browser.
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 15_000 },
  );
  const extensionId = new URL(target.url()).host;
  return {
    browser,
    extensionId,
    worker: async () => {
      const worker = await target.worker();
      if (!worker) throw new Error('The extension has no service worker.');
      return worker;
    },
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Stops the extension's service worker, as the browser does when it has been idle: what it
 * held in memory is gone, and the next message starts it afresh.
 */
export async function stopServiceWorker(page: Page, extensionId: string): Promise<void> {
  const session = await page.createCDPSession();
  const versions: { versionId: string; scriptURL: string; runningStatus: string }[] = [];
  session.on('ServiceWorker.workerVersionUpdated', (event: { versions: typeof versions }) => {
    versions.push(...event.versions);
  });
  await session.send('ServiceWorker.enable');
  const deadline = Date.now() + 5000;
  let worker: (typeof versions)[number] | undefined;
  while (!worker && Date.now() < deadline) {
    worker = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
    if (!worker) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!worker) throw new Error('The extension has no service worker to stop.');
  await session.send('ServiceWorker.stopWorker', { versionId: worker.versionId });
  while (Date.now() < deadline) {
    const latest = versions.filter((v) => v.versionId === worker.versionId).at(-1);
    if (latest?.runningStatus === 'stopped') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await session.send('ServiceWorker.disable');
  await session.detach();
}
