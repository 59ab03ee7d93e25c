// `npm start`: the whole product working without X keys. Builds the production extension,
// starts the X emulator and the demo CRM pages on local HTTPS, opens Chromium with the build
// loaded and X's and the CRMs' hosts resolved to those servers, and signs in through the
// integration manager. With a display the browser stays open on a Zoho lead; without one it
// runs headless and writes screenshots of the main screens.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type FakeX, startFakeX } from '../../tests/fake-x';
import { seedConversations } from '../../tests/fake-x/conversations';
import { hostResolverRules, launchSandboxBrowser, type SandboxBrowser } from './browser';
import { type CrmServer, DEMO_HOSTS, DEMO_RECORDS, startCrmServer, ZOHO_LEAD } from './crm-server';
import { shippedLocales } from './messages';
import { takeScreenshots } from './screens';
import { signInThroughManager } from './sign-in';

const USAGE = `npm start [-- options]
  --once        headless: write the screenshots, then exit (0 when all were written)
  --headless    run headless and write screenshots even when there is a display
  --shots DIR   where the screenshots go (default ./sandbox-shots)
  --no-build    use the build already in .output/chrome-mv3
  --lang LIST   the browser's UI language: one locale (de), several (en,de,es) or all;
                screenshots then go to DIR/<locale>/, one set per locale`;

interface Options {
  once: boolean;
  headless: boolean;
  shots: string;
  build: boolean;
  langs: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { once: false, headless: false, shots: 'sandbox-shots', build: true, langs: [] };
  const langs = (list: string) => (list === 'all' ? shippedLocales() : list.split(',').filter(Boolean));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--once') options.once = true;
    else if (arg === '--headless') options.headless = true;
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--shots' && argv[i + 1]) options.shots = argv[++i] ?? options.shots;
    else if (arg?.startsWith('--shots=')) options.shots = arg.slice('--shots='.length);
    else if (arg === '--lang' && argv[i + 1]) options.langs = langs(argv[++i] ?? '');
    else if (arg?.startsWith('--lang=')) options.langs = langs(arg.slice('--lang='.length));
    else {
      console.log(USAGE);
      process.exit(arg === '--help' || arg === '-h' ? 0 : 1);
    }
  }
  const unknown = options.langs.filter((lang) => !shippedLocales().includes(lang));
  if (unknown.length > 0) {
    console.log(
      `No locale ${unknown.join(', ')} in public/_locales (there are ${shippedLocales().join(', ')}).`,
    );
    process.exit(1);
  }
  // A visible window that closes as soon as it is set up shows nobody anything.
  if (options.once) options.headless = true;
  return options;
}

/** A person can look at a window: a desktop OS, or X11/Wayland on Linux. */
function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const say = (line: string): void => console.log(`[sandbox] ${line}`);

function build(): Promise<void> {
  return new Promise((done, fail) => {
    // npx.cmd on Windows is a batch file, which only a shell runs.
    const child = spawn('npx', ['wxt', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done()
        : fail(new Error(`the build failed (wxt build exited with ${code}); see its output above`)),
    );
  });
}

// What is running, for the one clean-up that every exit path goes through.
let x: FakeX | undefined;
let crm: CrmServer | undefined;
let chromium: SandboxBrowser | undefined;
let stopping: Promise<void> | undefined;

function stop(code: number): Promise<void> {
  // A browser that will not close must not keep the terminal hostage.
  setTimeout(() => process.exit(code), 10_000).unref();
  stopping ??= (async () => {
    await chromium?.close();
    await crm?.close();
    await x?.close();
  })()
    .then(() => say('stopped; the emulator, the CRM pages and the browser profile are gone.'))
    .catch((error: unknown) => console.error(`[sandbox] clean-up: ${String(error)}`))
    .finally(() => process.exit(code));
  return stopping;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const headless = options.headless || !hasDisplay();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));

  if (options.build) {
    say('building the production extension (wxt build)…');
    await build();
  }

  x = await startFakeX({ https: true });
  // People mention and answer Sam Rep, and Maria Garcia posts news: the Social view's opening.
  seedConversations(x.state, x.clock.now());
  const person = x.accounts[0];
  say(`X emulator at ${x.origin} (the browser reaches it as https://api.x.com and https://x.com)`);
  say(`  consumer key:        ${x.app.consumerKey}`);
  say(`  consumer secret:     ${x.app.consumerSecret}`);
  say(`  OAuth 2.0 client id: ${x.app.clientId}`);
  if (person) say(`  signs in as:         ${person.name} (@${person.username})`);

  crm = await startCrmServer();
  say(`CRM pages at https://127.0.0.1:${crm.port} (the browser reaches them at the vendors' own URLs):`);
  for (const record of DEMO_RECORDS) say(`  ${record.label}: ${record.url}`);

  // One browser per language asked for, one after another: each writes its own screenshot set.
  // A visible window shows the first only.
  const langs: (string | undefined)[] = options.langs.length > 0 ? options.langs : [undefined];
  if (!headless) langs.splice(1);
  for (const [index, lang] of langs.entries()) {
    const last = index === langs.length - 1;
    const language = lang ? `, UI language ${lang}` : '';
    say(`opening Chromium (${headless ? 'headless' : 'visible'}, throwaway profile${language})…`);
    const opened = await launchSandboxBrowser({
      headless,
      xPort: x.port,
      crmPort: crm.port,
      crmHosts: DEMO_HOSTS,
      lang,
    }).catch((error: unknown) => {
      const hint = headless
        ? ''
        : ' (no usable screen? `npm start -- --headless` writes screenshots instead)';
      throw new Error(
        `Chromium did not start${hint}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    chromium = opened;
    // A person closing the window ends the sandbox too.
    const ended = () => void stop(0);
    opened.browser.on('disconnected', ended);
    say(`extension ${opened.extensionId} loaded`);

    say('signing in: entering the app keys in the integration manager and authorizing on X…');
    const [first] = await opened.browser.pages();
    const optionsPage = first ?? (await opened.browser.newPage());
    const username = await signInThroughManager(opened, x, optionsPage, lang);
    say(`signed in as @${username}`);

    if (headless) {
      const folder = lang ? join(options.shots, lang) : options.shots;
      say(`taking screenshots into ${folder}/ …`);
      await takeScreenshots(opened, optionsPage, folder, (path) => say(`screenshot written: ${path}`), lang);
      if (!last) {
        opened.browser.off('disconnected', ended);
        await opened.close();
        chromium = undefined;
        continue;
      }
      if (options.once) {
        say('done.');
        await stop(0);
        return;
      }
    } else {
      const lead = await opened.browser.newPage();
      await lead.goto(ZOHO_LEAD);
      await lead.bringToFront();
      say(`showing the Zoho lead: click the X icon beside Maria Garcia's name`);
      say(
        'the Social view (seeded conversations with Sam Rep): the popup’s “Social view” button, or Alt+Shift+S',
      );
    }
  }
  say(
    'to try the manager by hand in a Chromium of your own: load .output/chrome-mv3 unpacked and start it with',
  );
  say(
    `  --host-resolver-rules="${hostResolverRules(x.port, crm.port, DEMO_HOSTS)}" --ignore-certificate-errors`,
  );
  say('running; press Ctrl-C to stop (the emulator, the CRM pages and the profile go with it).');
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[sandbox] failed: ${message}`);
  void stop(1);
});
