// The benchmark: `npm run bench`. Builds the extension, drives headless Chromium with it (and a
// second Chromium without it) over the CRM fixtures and the X emulator, prints a table and
// writes the figures to bench-results/latest.json. Timings on a small machine are noisy:
// compare ratios measured in one run, not absolute figures between runs.
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type { Association } from '../lib/store/schema';
import { findChromium, xEmulatorFlags } from '../tests/e2e/harness/chromium';
import { type CrmRoute, serveCrmPages } from '../tests/e2e/harness/crm-pages';
import { signInThroughManager, type WithX } from '../tests/e2e/harness/x-emulator';
import { type FakeX, startFakeX } from '../tests/fake-x';
import { benchMoney } from './bench-money';
import { managerPaint, pageCodeBytes, popupWithDraft, writeBlankPage } from './bench-pages';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/**
 * BENCH_ONLY=loads,view runs only the parts named (loads, spa, view, pages, money, lookup,
 * csv); unset, it runs them all. For trying one change quickly; the README's figures are a full run.
 */
const ONLY = new Set((process.env.BENCH_ONLY ?? '').split(',').filter(Boolean));
const wanted = (part: string) => ONLY.size === 0 || ONLY.has(part);
const ZOHO = 'https://crm.zoho.com/crm/org123456/tab/Leads';
const LEAD_URL = `${ZOHO}/4876876000000333001`;
const LIST_URL = `${ZOHO}/listview`;
const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter',
];

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
/** A difference in ms with its sign: +1.2 ms, −0.4 ms. */
const signedMs = (n: number) => `${n < 0 ? '−' : '+'}${Math.abs(round(n))} ms`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const log = (text: string) => process.stderr.write(`${text}\n`);

/** A private copy of a fresh build, so other builds into .output cannot change it mid-run. */
async function buildCopy(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'x-crm-bench-ext-'));
  for (let attempt = 1; ; attempt++) {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
    await cp(resolve('.output/chrome-mv3'), copy, { recursive: true });
    if (existsSync(join(copy, 'manifest.json')) && existsSync(join(copy, 'crm-page.js'))) return copy;
    if (attempt === 3) throw new Error('The build did not produce .output/chrome-mv3.');
    await rm(copy, { recursive: true, force: true });
    await mkdir(copy);
  }
}

/**
 * The least a CRM page script of this kind can do, for the loads' yardstick: on a list page
 * it reads the address and stops; on a Zoho lead's address (the fixtures') it asks the worker one message and,
 * once the page is parsed, puts one button in a closed shadow root after the record's title.
 * It reads no fields, watches no navigation and follows no settings.
 */
const FLOOR_SCRIPT = `(() => {
  const url = new URL(location.href);
  if (!/^\\/crm\\/org\\d+\\/tab\\/Leads\\/\\d+$/.test(url.pathname)) return;
  chrome.runtime.sendMessage({ name: 'pageSettings', input: {} }).catch(() => {});
  document.addEventListener('DOMContentLoaded', () => {
    const host = document.createElement('x-floor');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = '.x-icon { width: 24px; height: 24px; border-radius: 50%; background: #000; }';
    const icon = document.createElement('button');
    icon.className = 'x-icon';
    icon.setAttribute('aria-label', 'X');
    shadow.append(style, icon);
    (document.querySelector('[data-zcqa="detailView_headerName"]') ?? document.body).after(host);
  });
})();`;

/** A copy of the build whose CRM page script is FLOOR_SCRIPT. */
async function floorCopy(extension: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'x-crm-bench-floor-'));
  await cp(extension, copy, { recursive: true });
  await writeFile(join(copy, 'crm-page.js'), FLOOR_SCRIPT);
  return copy;
}

async function launch(extension: string | null, args: string[] = []) {
  const profile = await mkdtemp(join(tmpdir(), 'x-crm-bench-'));
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    pipe: true,
    userDataDir: profile,
    ...(extension ? { enableExtensions: [extension] } : {}),
    args: [...QUIET, ...args],
  });
  let extensionId = '';
  if (extension) {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    extensionId = new URL(target.url()).host;
  }
  return {
    browser,
    extensionId,
    close: async () => {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker, found again each time (it may have been restarted). */
async function worker(browser: Browser) {
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
  );
  const found = await target.worker();
  if (!found) throw new Error('no service worker');
  return found;
}

/**
 * Records, in the page's own clock, DOMContentLoaded and each time the icon's host is inserted;
 * and each trusted click, in ms since the epoch.
 */
const PAGE_PROBE = `
  window.__bench = { dcl: null, hosts: [], clicks: [] };
  document.addEventListener('DOMContentLoaded', () => { window.__bench.dcl = performance.now(); });
  addEventListener('click', (event) => {
    if (event.isTrusted) window.__bench.clicks.push(performance.timeOrigin + event.timeStamp);
  }, true);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeName === 'X-CRM-RECORD') {
        window.__bench.hosts.push({ at: performance.now(), after: node.previousElementSibling?.textContent?.trim() ?? '' });
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;
interface Probe {
  dcl: number | null;
  hosts: { at: number; after: string }[];
  /** Trusted clicks, in ms since the epoch (the panel frame's clock is another process's). */
  clicks: number[];
}
const probe = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

async function openPage(browser: Browser, routes: CrmRoute[]) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(PAGE_PROBE);
  await serveCrmPages(page, routes);
  return page;
}

/** One load of a CRM page: the renderer's script and task time, and when the icon appeared. */
async function measureLoad(browser: Browser, url: string, fixture: string) {
  const page = await openPage(browser, [{ url, fixture }]);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  // The CRM page script reads the page once it is parsed: give it time to finish.
  await sleep(1500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const seen = await probe(page);
  await page.close();
  const host = seen.hosts[0];
  return {
    scriptMs: metric('ScriptDuration'),
    taskMs: metric('TaskDuration'),
    iconAfterDcl: host && seen.dcl !== null ? host.at - seen.dcl : null,
    iconAfterStart: host ? host.at : null,
  };
}

async function pollUntil<T>(read: () => Promise<T | null | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

function panelOf(page: Page): Frame | undefined {
  return page.frames().find((f) => f.url().endsWith('/panel.html') && !f.detached);
}

/** What PANEL_PROBE leaves in the panel frame. */
interface PanelProbe {
  __profileShownAt: number | null;
}

/**
 * Run in the panel frame before the click: notes, in ms since the epoch, the rendering frame in
 * which the profile first lies in the viewport (an IntersectionObserver entry's time), whether
 * the profile was drawn while the frame was hidden or arrives after the click.
 */
const PANEL_PROBE = `(() => {
  window.__profileShownAt = null;
  const watch = (profile) => {
    const observer = new IntersectionObserver((entries) => {
      const seen = entries.find((entry) => entry.isIntersecting);
      if (!seen || window.__profileShownAt !== null) return;
      window.__profileShownAt = performance.timeOrigin + seen.time;
      observer.disconnect();
    });
    observer.observe(profile);
  };
  const drawn = document.querySelector('.profile');
  if (drawn) return watch(drawn);
  const arrival = new MutationObserver(() => {
    const profile = document.querySelector('.profile');
    if (!profile) return;
    arrival.disconnect();
    watch(profile);
  });
  arrival.observe(document, { childList: true, subtree: true });
})()`;

async function panelShows(page: Page, name: string): Promise<boolean | null> {
  const frame = panelOf(page);
  if (!frame) return null;
  const shown = await frame.evaluate(() => document.querySelector('h1')?.textContent ?? null);
  return shown === name ? true : null;
}

async function clickIcon(page: Page, name: string) {
  await page.locator(`::-p-aria(Open X panel for ${name})`).click();
}

/** Clears the X cache (and today's usage, so a view is billed as on a fresh day) in the worker. */
async function clearXCache(browser: Browser) {
  await (await worker(browser)).evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const open = indexedDB.open('x-crm');
      open.onsuccess = () => done(open.result);
      open.onerror = () => fail(open.error);
    });
    await new Promise((done) => {
      const tx = db.transaction(['cache', 'usage'], 'readwrite');
      tx.objectStore('cache').clear();
      tx.objectStore('usage').clear();
      tx.oncomplete = done;
    });
    db.close();
  });
}

/**
 * A new X person with the profile and posts of `handle` (the emulator's state, as X would
 * hold another account): a cold view must meet a person the worker has never read.
 */
function newPersonLike(x: FakeX, handle: string, n: number): { id: string; username: string } {
  const model = x.state.userByUsername(handle);
  if (!model) throw new Error(`no @${handle} in the emulator`);
  const person = {
    ...model,
    id: `17${String(n).padStart(17, '0')}`,
    username: `${handle}_${n}`,
    pinnedPostId: undefined,
  };
  x.state.addUser(person);
  const posts = [...x.state.posts.values()].filter((post) => post.authorId === model.id && !post.repostOf);
  for (const post of posts) x.state.createPost({ authorId: person.id, text: post.text, at: post.createdAt });
  return person;
}

/** Points every association the worker holds at `person` (the bench associates one lead). */
async function associateLeadWith(browser: Browser, person: { id: string; username: string }) {
  await (await worker(browser)).evaluate(
    async (id: string, handle: string) => {
      const db = await new Promise<IDBDatabase>((done) => {
        const open = indexedDB.open('x-crm');
        open.onsuccess = () => done(open.result);
      });
      await new Promise((done) => {
        const tx = db.transaction('associations', 'readwrite');
        const store = tx.objectStore('associations');
        const all = store.getAll();
        all.onsuccess = () => {
          for (const association of all.result) store.put({ ...association, xUserId: id, handle });
        };
        tx.oncomplete = done;
      });
      db.close();
    },
    person.id,
    person.username,
  );
}

/** How many associations the worker holds. */
async function associationCount(browser: Browser): Promise<number> {
  return (await worker(browser)).evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done) => {
      const open = indexedDB.open('x-crm');
      open.onsuccess = () => done(open.result);
    });
    const count = await new Promise<number>((done) => {
      const request = db.transaction('associations').objectStore('associations').count();
      request.onsuccess = () => done(request.result);
    });
    db.close();
    return count;
  });
}

async function spentUsd(browser: Browser): Promise<number> {
  return (await worker(browser)).evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done) => {
      const open = indexedDB.open('x-crm');
      open.onsuccess = () => done(open.result);
    });
    const usage = await new Promise<{ costUsd: number }[]>((done) => {
      const request = db.transaction('usage').objectStore('usage').getAll();
      request.onsuccess = () => done(request.result);
    });
    db.close();
    return usage.reduce((sum, entry) => sum + entry.costUsd, 0);
  });
}

interface Row {
  measure: string;
  value: string;
  goal: string;
  verdict: string;
}

async function main() {
  const results: Record<string, unknown> = { runs: RUNS, at: new Date().toISOString() };
  const rows: Row[] = [];
  const row = (measure: string, value: string, goal = '—', ok: boolean | null = null) =>
    rows.push({ measure, value, goal, verdict: ok === null ? '' : ok ? 'met' : 'NOT MET' });

  log('building…');
  const extension = await buildCopy();

  // 1. Content script size.
  const contentFiles = ['crm-page.js'];
  const manifest = JSON.parse(await readFile(join(extension, 'manifest.json'), 'utf8')) as {
    content_scripts?: { css?: string[] }[];
  };
  contentFiles.push(...(manifest.content_scripts?.flatMap((c) => c.css ?? []) ?? []));
  const contentBytes = Buffer.concat(
    await Promise.all(contentFiles.map((f) => readFile(join(extension, f)))),
  );
  const gz = gzipSync(contentBytes, { level: 9 }).length;
  results.contentScript = { files: contentFiles, rawBytes: contentBytes.length, gzipBytes: gz };
  row(
    'content script (every CRM page), gzipped',
    `${round(gz / 1024, 2)} KB (${round(contentBytes.length / 1024, 1)} KB raw)`,
    '≤ 10 KB',
    gz <= 10 * 1024,
  );
  const x = await startFakeX({ https: true });
  const withExt = await launch(extension, xEmulatorFlags(x.port));
  const without = await launch(null);
  const floorExtension = wanted('loads') ? await floorCopy(extension) : null;
  const floor = floorExtension ? await launch(floorExtension) : null;
  try {
    // Sign in, so views below call X as a user's would.
    const run = { ...withExt, x, worker: () => worker(withExt.browser) } as unknown as WithX;
    await signInThroughManager(run);

    // 2. Script time the extension adds to page loads, and 3. record rendered → icon.
    if (wanted('loads')) {
      const loads: Record<string, unknown> = {};
      for (const [label, url, fixture] of [
        ['non-record page (zoho/leads-list.html)', LIST_URL, 'zoho/leads-list.html'],
        ['record page, 5,000 nodes (zoho/lead-large.html)', LEAD_URL, 'zoho/lead-large.html'],
        ['record page (zoho/lead.html)', LEAD_URL, 'zoho/lead.html'],
      ] as const) {
        log(`loading ${fixture} ${RUNS}× with and without the extension…`);
        const a: Awaited<ReturnType<typeof measureLoad>>[] = [];
        const b: Awaited<ReturnType<typeof measureLoad>>[] = [];
        const c: Awaited<ReturnType<typeof measureLoad>>[] = [];
        for (let i = 0; i < RUNS; i++) {
          // Interleaved, so a slow moment of the machine hits all three.
          a.push(await measureLoad(withExt.browser, url, fixture));
          b.push(await measureLoad(without.browser, url, fixture));
          if (floor) c.push(await measureLoad(floor.browser, url, fixture));
        }
        const scriptWith = median(a.map((m) => m.scriptMs));
        const scriptWithout = median(b.map((m) => m.scriptMs));
        const scriptFloor = median(c.map((m) => m.scriptMs));
        const taskWith = median(a.map((m) => m.taskMs));
        const taskWithout = median(b.map((m) => m.taskMs));
        const icon = a.map((m) => m.iconAfterDcl).filter((v): v is number => v !== null);
        const iconStart = a.map((m) => m.iconAfterStart).filter((v): v is number => v !== null);
        loads[fixture] = {
          scriptMsMedian: {
            with: scriptWith,
            without: scriptWithout,
            ratio: scriptWith / scriptWithout,
            leastScript: scriptFloor,
          },
          taskMsMedian: { with: taskWith, without: taskWithout, ratio: taskWith / taskWithout },
          iconAfterDomContentLoadedMs: icon.length
            ? { median: median(icon), p95: quantile(icon, 0.95) }
            : null,
          iconAfterNavigationStartMs: iconStart.length
            ? { median: median(iconStart), p95: quantile(iconStart, 0.95) }
            : null,
          iconShownInRuns: icon.length,
          samples: { with: a, without: b, leastScript: c },
        };
        const added = scriptWith - scriptWithout;
        const scriptFigure = `${signedMs(added)} (${round(scriptWith)} vs ${round(scriptWithout)} ms, ×${round(scriptWith / scriptWithout, 2)}); task time ×${round(taskWith / taskWithout, 2)}; the least such a script does: ${signedMs(scriptFloor - scriptWithout)}`;
        // The goals: nothing to do costs (almost) nothing; a record page's cost is a
        // ratio, the page's own script being the yardstick on a noisy machine.
        if (fixture === 'zoho/leads-list.html') {
          row(`script time added, ${label}`, scriptFigure, '≤ +1 ms', added <= 1);
        } else if (fixture === 'zoho/lead-large.html') {
          row(`script time, ${label}`, scriptFigure, '≤ ×1.10', scriptWith / scriptWithout <= 1.1);
        } else {
          row(`script time, ${label}`, scriptFigure);
        }
        if (icon.length) {
          const large = fixture === 'zoho/lead-large.html';
          row(
            `record rendered → icon, ${label}`,
            `median ${round(median(icon))} ms, p95 ${round(quantile(icon, 0.95))} ms after DOMContentLoaded (${round(median(iconStart))} ms after navigation start)`,
            large ? 'median ≤ 50 ms, p95 ≤ 100 ms' : '—',
            large ? median(icon) <= 50 && quantile(icon, 0.95) <= 100 : null,
          );
        }
      }
      results.loads = loads;
    }
    // 4. SPA navigation → the open panel shows the new record.
    if (wanted('spa')) {
      log(`SPA navigation ${RUNS}×…`);
      const spaIcon: number[] = [];
      const spaPanel: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await openPage(withExt.browser, [{ url: LIST_URL, fixture: 'zoho/spa.html' }]);
        await page.goto(LIST_URL);
        await page.locator('[data-zcqa="lead_link_4876876000000333001"]').click();
        await clickIcon(page, 'Maria Garcia');
        await pollUntil(() => panelShows(page, 'Maria Garcia'));
        const started = Date.now();
        const clickedAt = await page.evaluate(() => {
          const at = performance.now();
          (document.querySelector('[data-zcqa="next_record"]') as HTMLElement).click();
          return at;
        });
        await pollUntil(() => panelShows(page, 'Tomás Ferreira'));
        spaPanel.push(Date.now() - started);
        const host = (await probe(page)).hosts.find((h) => h.at > clickedAt && h.after === 'Tomás Ferreira');
        if (host) spaIcon.push(host.at - clickedAt);
        await page.close();
      }
      results.spa = {
        note: 'zoho/spa.html re-renders 150 ms after the URL changes; both figures include it',
        iconMs: { median: median(spaIcon), p95: quantile(spaIcon, 0.95), samples: spaIcon },
        panelMs: { median: median(spaPanel), p95: quantile(spaPanel, 0.95), samples: spaPanel },
      };
      row(
        'SPA navigation → icon on the new record',
        `median ${round(median(spaIcon))} ms, p95 ${round(quantile(spaIcon, 0.95))} ms (fixture renders after 150 ms)`,
      );
      row(
        'SPA navigation → open panel shows the new record',
        `median ${round(median(spaPanel))} ms, p95 ${round(quantile(spaPanel, 0.95))} ms (incl. 150 ms render)`,
        'proposed: p95 ≤ 150 + 300 ms',
        quantile(spaPanel, 0.95) <= 450,
      );
    }
    // 5. Icon click → profile shown, cold and warm; X calls and cost per record view.
    if (wanted('view')) {
      log(`icon click → profile ${RUNS}× cold and warm…`);
      {
        const page = await openPage(withExt.browser, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
        await page.goto(LEAD_URL);
        await clickIcon(page, 'Maria Garcia');
        const panel = await pollUntil(async () => panelOf(page));
        await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
        await panel.waitForSelector('ol.posts li');
        await page.close();
      }
      const apiCalls = () => x.calls.filter((c) => c.path.startsWith('/2/')).length;
      const views = { cold: [] as number[], warm: [] as number[] };
      const driven = { cold: [] as number[], warm: [] as number[] };
      const prepared = { cold: [] as number[], warm: [] as number[] };
      const calls = { cold: [] as number[], warm: [] as number[] };
      const cost = { cold: [] as number[], warm: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        for (const kind of ['cold', 'warm'] as const) {
          // A person the worker has never read (its cache lives in memory too): truly cold.
          if (kind === 'cold') {
            await clearXCache(withExt.browser);
            await associateLeadWith(withExt.browser, newPersonLike(x, 'maria_acme', i));
          }
          const spentBefore = await spentUsd(withExt.browser);
          const callsBefore = apiCalls();
          const page = await openPage(withExt.browser, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
          await page.goto(LEAD_URL);
          await page.waitForSelector('x-crm-record');
          // As a person does: the pointer rests on the icon a moment before the click, and the
          // panel loads (hidden, asking X for nothing) meanwhile.
          const hovered = Date.now();
          await page.hover('::-p-aria(Open X panel for Maria Garcia)');
          await pollUntil(async () => {
            // Rendered: waiting for the click (a cold person), or the person the worker holds warm.
            const shown = await panelOf(page)?.evaluate(
              () => document.querySelector('[role="status"], .profile')?.textContent,
            );
            return shown ? true : null;
          });
          prepared[kind].push(Date.now() - hovered);
          const hidden = panelOf(page);
          if (!hidden) throw new Error('the panel was not loaded when the pointer reached the icon');
          await hidden.evaluate(PANEL_PROBE);
          const started = Date.now();
          await clickIcon(page, 'Maria Garcia');
          const panel = await pollUntil(async () => panelOf(page));
          await panel.waitForSelector('.profile', { visible: true, timeout: 15_000 });
          const shownAt = await pollUntil(() =>
            panel.evaluate(() => (window as unknown as PanelProbe).__profileShownAt),
          );
          driven[kind].push(Date.now() - started);
          const clickedAt = (await probe(page)).clicks.at(-1);
          if (clickedAt === undefined) throw new Error('the click on the icon did not reach the page');
          // Both clocks count from the epoch; a profile before the click means they disagree.
          if (shownAt < clickedAt)
            throw new Error(`the profile showed ${clickedAt - shownAt} ms before the click`);
          views[kind].push(shownAt - clickedAt);
          await panel.waitForSelector('ol.posts li', { timeout: 15_000 });
          await sleep(100);
          calls[kind].push(apiCalls() - callsBefore);
          cost[kind].push((await spentUsd(withExt.browser)) - spentBefore);
          await page.close();
        }
      }
      results.view = { views, drivenMs: driven, preparedOnHoverMs: prepared, calls, costUsd: cost };
      {
        const warm = views.warm;
        const cold = views.cold;
        row(
          'icon click → profile shown, warm',
          `median ${round(median(warm))} ms, p95 ${round(quantile(warm, 0.95))} ms (the click event to the panel's frame showing the profile)`,
          'median ≤ 100 ms, p95 ≤ 150 ms',
          median(warm) <= 100 && quantile(warm, 0.95) <= 150,
        );
        row(
          'pointer on the icon → panel loaded, hidden (before the click)',
          `median ${round(median(prepared.warm))} ms, p95 ${round(quantile(prepared.warm, 0.95))} ms`,
        );
        row(
          'icon click → profile shown, cold (X answering at once)',
          `median ${round(median(cold))} ms, p95 ${round(quantile(cold, 0.95))} ms`,
          'median ≤ 150 ms',
          median(cold) <= 150,
        );
        row(
          'the same, as the test driver sees it (its click and polling included), warm / cold',
          `median ${round(median(driven.warm))} / ${round(median(driven.cold))} ms`,
        );
        row(
          'X round trips and cost, cold view of an associated person',
          `${median(calls.cold)} round trips, $${round(median(cost.cold), 3).toFixed(3)}`,
          '1 round trip, price unchanged',
          median(calls.cold) === 1,
        );
        row(
          'X round trips and cost, warm view',
          `${median(calls.warm)} round trips, $${round(median(cost.warm), 3).toFixed(3)}`,
          '0 within the freshness window',
          median(calls.warm) === 0,
        );
      }
    }
    // 5a. The extension's own pages: the popup with the last draft, the manager's first paint.
    if (wanted('pages')) {
      log(`popup with the last draft and the manager's first paint ${RUNS}×…`);
      {
        await writeBlankPage(extension);
        const { samples: popup, blank: popupBlank } = await popupWithDraft(
          withExt.browser,
          withExt.extensionId,
          RUNS,
        );
        const manager = await managerPaint(withExt.browser, withExt.extensionId, RUNS);
        const managerCode = await pageCodeBytes(extension, 'options.html');
        results.pages = { popupWithDraftMs: popup, popupBlank, manager, managerCode };
        // Each page's statistic beside the same statistic of the blank page loaded in turn with it.
        const over = (page: number[], floor: number[], q: number) =>
          `${round(quantile(page, q))} ms (${signedMs(quantile(page, q) - quantile(floor, q))} over a blank extension page)`;
        row(
          'blank extension page (one heading, no script): the floor',
          `first frame median ${round(median(popupBlank.frame))} ms, p95 ${round(quantile(popupBlank.frame, 0.95))} ms; first paint median ${round(median(manager.blank.fcp))} ms, p95 ${round(quantile(manager.blank.fcp, 0.95))} ms`,
        );
        row(
          'toolbar popup shown with the last draft, warm',
          `median ${over(popup, popupBlank.frame, 0.5)}, p95 ${over(popup, popupBlank.frame, 0.95)} after navigation start`,
          '≤ 100 ms',
          quantile(popup, 0.95) <= 100,
        );
        row(
          'options page first paint',
          `median ${over(manager.fcp, manager.blank.fcp, 0.5)}, p95 ${over(manager.fcp, manager.blank.fcp, 0.95)} (sections shown: median ${round(median(manager.sections))} ms); ${round(managerCode.gzipBytes / 1024, 1)} KB gzipped before the first paint`,
          '≤ 150 ms',
          quantile(manager.fcp, 0.95) <= 150,
        );
      }
    }
    // 5b. What X calls cost: a hostile page after the panel was closed, a record's first and warm view.
    if (wanted('money')) {
      log('X calls and cost: hostile page, first view, warm view…');
      const money = await benchMoney({
        browser: withExt.browser,
        x,
        openPage,
        spentUsd,
        clearXCache,
        associationCount,
      });
      results.money = money;
      const usd = (amount: number) => `$${round(amount, 3).toFixed(3)}`;
      row(
        'hostile page: 40 records by pushState after the panel was opened and closed',
        `${money.hostile.calls} X calls, ${usd(money.hostile.costUsd)}, ${money.hostile.associations} associations`,
        '0 calls, $0, 0 associations',
        money.hostile.calls === 0 && money.hostile.costUsd === 0 && money.hostile.associations === 0,
      );
      row(
        'unassociated record, first view (a name X finds 18 times)',
        `${money.firstView.calls} X calls, ${usd(money.firstView.costUsd)}`,
        '≤ $0.06',
        money.firstView.costUsd <= 0.06 + 1e-9,
      );
      row(
        'the same record, warm view',
        `${money.warmView.calls} X calls, ${usd(money.warmView.costUsd)}`,
        '0 calls within the freshness window',
        money.warmView.calls === 0,
      );
    }
    // 6. Association lookup with 100,000 associations, in the worker's real IndexedDB.
    if (wanted('lookup')) {
      log('filling 100,000 associations in the worker…');
      const lookup = await (await worker(withExt.browser)).evaluate(async (count: number) => {
        const db = await new Promise<IDBDatabase>((done) => {
          const open = indexedDB.open('x-crm');
          open.onsuccess = () => done(open.result);
        });
        const fillStart = performance.now();
        await new Promise((done, fail) => {
          const tx = db.transaction('associations', 'readwrite');
          const store = tx.objectStore('associations');
          for (let i = 0; i < count; i++) {
            const id = `4876876${String(i).padStart(12, '0')}`;
            store.put({
              key: `zoho/zoho.com/lead/${id}`,
              crm: 'zoho',
              tenant: 'zoho.com',
              type: 'lead',
              id,
              xUserId: `15${String(i).padStart(17, '0')}`,
              handle: `person_${i}`,
              source: 'search',
              createdAt: Date.now(),
              byAccount: null,
            });
          }
          tx.oncomplete = done;
          tx.onerror = () => fail(tx.error);
        });
        const fillMs = performance.now() - fillStart;
        const samples: number[] = [];
        let seed = 12345;
        for (let i = 0; i < 1000; i++) {
          seed = (seed * 1103515245 + 12345) % 2 ** 31;
          const id = `4876876${String(seed % count).padStart(12, '0')}`;
          const started = performance.now();
          await new Promise((done) => {
            const request = db
              .transaction('associations')
              .objectStore('associations')
              .get(`zoho/zoho.com/lead/${id}`);
            request.onsuccess = done;
          });
          samples.push(performance.now() - started);
        }
        db.close();
        return { fillMs, samples };
      }, 100_000);
      results.associationLookup = {
        where:
          'Chromium service worker, real IndexedDB, one readonly transaction per lookup (what getAssociation does)',
        fillMs: lookup.fillMs,
        medianMs: median(lookup.samples),
        p95Ms: quantile(lookup.samples, 0.95),
      };
      row(
        'association lookup at 100,000 associations',
        `median ${round(median(lookup.samples), 2)} ms, p95 ${round(quantile(lookup.samples, 0.95), 2)} ms (filled in ${round(lookup.fillMs / 1000, 1)} s)`,
        'proposed: median ≤ 5 ms',
        median(lookup.samples) <= 5,
      );
    }
  } finally {
    await withExt.close();
    await without.close();
    await floor?.close();
    await x.close();
    await rm(extension, { recursive: true, force: true });
    if (floorExtension) await rm(floorExtension, { recursive: true, force: true });
  }

  // 7. CSV import of 100,000 rows, in Node with fake-indexeddb (slower than a browser's).
  if (wanted('csv')) {
    log('CSV import of 100,000 rows in Node…');
    {
      // The store's messages go through browser.i18n: give Node one that answers the key.
      (globalThis as { chrome?: unknown }).chrome = {
        runtime: { id: 'bench' },
        i18n: { getMessage: (key: string, subs?: string[]) => [key, ...(subs ?? [])].join(' ') },
      };
      const { exportCsv, planImport, writeImport } = await import('../lib/store/backup');
      const { openDatabase } = await import('../lib/store/db');
      const associations: Association[] = Array.from({ length: 100_000 }, (_, i) => {
        const id = `4876876${String(i).padStart(12, '0')}`;
        return {
          key: `zoho/zoho.com/lead/${id}`,
          crm: 'zoho',
          tenant: 'zoho.com',
          type: 'lead',
          id,
          xUserId: `15${String(i).padStart(17, '0')}`,
          handle: `person_${i}`,
          source: 'search',
          createdAt: Date.UTC(2026, 0, 1),
          byAccount: null,
        };
      });
      const csv = exportCsv(associations);
      const db = await openDatabase(undefined, 'x-crm-bench-import');
      const planStart = performance.now();
      const plan = planImport(csv, 'csv', Date.now());
      const planMs = performance.now() - planStart;
      if (plan.refused.length) log(`refused, e.g. row ${plan.refused[0]?.row}: ${plan.refused[0]?.reason}`);
      const writeStart = performance.now();
      const written = await writeImport(db, plan.rows);
      const writeMs = performance.now() - writeStart;
      db.close();
      results.csvImport = {
        where: 'Node, fake-indexeddb (an in-memory IndexedDB in JavaScript: slower than Chromium’s)',
        bytes: csv.length,
        rows: plan.total,
        refused: plan.refused.length,
        added: written.added.length,
        parseAndValidateMs: planMs,
        writeMs,
      };
      row(
        'CSV import, 100,000 rows (Node, fake-indexeddb)',
        `${round((planMs + writeMs) / 1000, 2)} s (read+check ${round(planMs / 1000, 2)} s, write ${round(writeMs / 1000, 2)} s; ${written.added.length} added, ${plan.refused.length} refused; ${round(csv.length / 1e6, 1)} MB)`,
        'proposed: ≤ 30 s',
        planMs + writeMs <= 30_000 && written.added.length === 100_000,
      );
    }
  }
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/latest.json', `${JSON.stringify({ ...results, table: rows }, null, 2)}\n`);
  const widths = (['measure', 'value', 'goal', 'verdict'] as const).map((k) =>
    Math.max(k.length, ...rows.map((r) => r[k].length)),
  );
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(['measure', 'value', 'goal', 'verdict']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line([r.measure, r.value, r.goal, r.verdict]));
  console.log(`\n${RUNS} runs each; JSON in bench-results/latest.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
