// Chromium for the sandbox: a throwaway profile, the production build loaded, and X's and
// the demo CRM's hosts resolved to the local servers. The extension itself is unchanged: it
// still calls https://api.x.com, and the browser's resolver sends that to the emulator.
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { EXTENSION_DIR, findChromium } from '../../tests/e2e/harness/chromium';

export interface SandboxBrowser {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless: boolean;
  xPort: number;
  crmPort: number;
  crmHosts: readonly string[];
  /** The browser's UI language (a _locales folder name such as "de"); the system's when absent. */
  lang?: string;
}

/** --host-resolver-rules: X (and its image host) to the emulator, each CRM host to the demo server. */
export function hostResolverRules(xPort: number, crmPort: number, crmHosts: readonly string[]): string {
  const x = ['api.x.com', 'x.com', 'pbs.twimg.com'].map((host) => `MAP ${host} 127.0.0.1:${xPort}`);
  const crm = crmHosts.map((host) => `MAP ${host} 127.0.0.1:${crmPort}`);
  return [...x, ...crm].join(',');
}

export async function launchSandboxBrowser(options: LaunchOptions): Promise<SandboxBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: the build did not write one.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'x-crm-sandbox-'));
  const removeProfile = () => rm(profile, { recursive: true, force: true });
  // Whatever way the process ends, the throwaway profile does not outlive it.
  process.once('exit', () => rmSync(profile, { recursive: true, force: true }));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: options.headless,
      pipe: true,
      // The sandbox closes the browser itself on Ctrl-C, then removes the profile and servers;
      // Puppeteer's own handlers would kill it and exit before that clean-up runs.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      userDataDir: profile,
      enableExtensions: [EXTENSION_DIR],
      // A person uses the visible window: let it size the pages, and drop the automation bar.
      defaultViewport: options.headless ? { width: 1280, height: 800 } : null,
      ignoreDefaultArgs: ['--enable-automation'],
      // Chromium on Linux takes its UI language from LANGUAGE as well as from --lang.
      ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang } } : {}),
      args: [
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-quic',
        '--disable-sync',
        '--disable-component-update',
        '--disable-features=Translate,MediaRouter',
        ...(options.lang ? [`--lang=${options.lang}`] : []),
        ...(options.headless ? ['--disable-gpu', '--window-size=1280,800'] : []),
        // Chromium refuses to start as root with its sandbox; headless runs are usually in CI
        // containers where it cannot set one up either. A visible browser keeps it otherwise.
        ...(options.headless || process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        `--host-resolver-rules=${hostResolverRules(options.xPort, options.crmPort, options.crmHosts)}`,
        // The emulator and the demo CRM make their certificates at start; only this throwaway
        // profile is told to accept them.
        '--ignore-certificate-errors',
      ],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  try {
    // Chromium hands over the browser before the extension has installed.
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 20_000 },
    );
    return {
      browser,
      extensionId: new URL(worker.url()).host,
      close: async () => {
        await browser.close().catch(() => undefined);
        await removeProfile();
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    await removeProfile();
    throw error;
  }
}
