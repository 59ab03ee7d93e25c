// The bench's extension-page figures: the toolbar popup shown with the last draft (warm), and
// the integration manager's first paint. Called by scripts/bench.ts with its browser.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';

/** The draft the popup must show; long enough to be told from anything else on the page. */
const DRAFT = 'Bench draft: following up with Maria Garcia about the Q3 robotics order';

/**
 * Runs in the page before its own scripts: records, in the page's clock (0 = navigation
 * start), the first animation frame in which the composer holds the draft, that is the first
 * frame that paints it.
 */
const DRAFT_PROBE = (draft: string) => `
  window.__draftShownAt = null;
  const tick = () => {
    const box = document.querySelector('textarea');
    if (box && box.value === ${JSON.stringify(draft)}) { window.__draftShownAt = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/** Records the first contentful paint and the first frame that shows the manager's sections. */
const MANAGER_PROBE = `
  window.__manager = { fcp: null, sections: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') window.__manager.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const tick = () => {
    if (document.querySelector('main section, #app section')) { window.__manager.sections = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/**
 * The floor under every extension page: a page of the extension with one heading, no script
 * and no stylesheet. Written into the bench's private copy of the build only, never into the
 * product. Its times are what the browser takes to open any page of the extension here.
 */
const BLANK_PAGE = 'bench-blank.html';
const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><h1>Blank</h1></body></html>\n';

/** Records the blank page's first frame with its heading (as the popup's probe) and its first contentful paint (as the manager's). */
const BLANK_PROBE = `
  window.__blank = { frame: null, fcp: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') window.__blank.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const tick = () => {
    if (document.querySelector('h1')) { window.__blank.frame = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function pageValue<T>(page: Page, read: () => T | null, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(read).catch(() => null);
    if (value !== null && value !== undefined) return value as T;
    if (Date.now() > deadline) throw new Error('timed out waiting for the page');
    await sleep(10);
  }
}

/** Writes the blank page into a copy of the build (the bench's own, never the product's). */
export async function writeBlankPage(extension: string): Promise<void> {
  await writeFile(join(extension, BLANK_PAGE), BLANK_HTML);
}

/**
 * The blank page's first frame and first contentful paint, ms from navigation start: one load,
 * made between two loads of a measured page so a slow moment of the machine hits both.
 */
async function blankPaint(browser: Browser, extensionId: string): Promise<{ frame: number; fcp: number }> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(BLANK_PROBE);
  await page.goto(`chrome-extension://${extensionId}/${BLANK_PAGE}`);
  type Seen = { frame: number | null; fcp: number | null };
  const seen = await pageValue(page, () => {
    const b = (window as unknown as { __blank: Seen }).__blank;
    return b.frame !== null && b.fcp !== null ? (b as { frame: number; fcp: number }) : null;
  });
  await page.close();
  return seen;
}

/** Blank extension page loads taken in turn with a measured page's: first frames and first paints, ms. */
export interface BlankSamples {
  frame: number[];
  fcp: number[];
}

/** Types a draft in the popup and waits until the composer says it is saved. */
async function saveDraft(browser: Browser, popupUrl: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(popupUrl);
  await page.waitForSelector('textarea');
  await page.waitForSelector('::-p-aria(Drafts)');
  await page.locator('::-p-aria(New post)').click();
  await page.type('textarea', DRAFT);
  await page.waitForSelector('::-p-text(Draft saved)', { timeout: 15_000 });
  await page.close();
}

/**
 * Popup shown with the last draft, warm: ms from navigation start, one per run, and as many
 * loads of the blank page (see writeBlankPage), each right before a popup's.
 */
export async function popupWithDraft(
  browser: Browser,
  extensionId: string,
  runs: number,
): Promise<{ samples: number[]; blank: BlankSamples }> {
  const url = `chrome-extension://${extensionId}/popup.html`;
  await saveDraft(browser, url);
  const samples: number[] = [];
  const blank: BlankSamples = { frame: [], fcp: [] };
  // The first open after the draft warms the worker and the page's code cache; not counted.
  for (let i = -1; i < runs; i++) {
    const floor = await blankPaint(browser, extensionId);
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(DRAFT_PROBE(DRAFT));
    await page.goto(url);
    const at = await pageValue(
      page,
      () => (window as unknown as { __draftShownAt: number | null }).__draftShownAt,
    );
    if (i >= 0) {
      samples.push(at);
      blank.frame.push(floor.frame);
      blank.fcp.push(floor.fcp);
    }
    await page.close();
  }
  return { samples, blank };
}

/**
 * The manager's first contentful paint and its sections shown, ms from navigation start, and
 * as many loads of the blank page (see writeBlankPage), each right before a manager's.
 */
export async function managerPaint(
  browser: Browser,
  extensionId: string,
  runs: number,
): Promise<{ fcp: number[]; sections: number[]; blank: BlankSamples }> {
  const url = `chrome-extension://${extensionId}/options.html`;
  const fcp: number[] = [];
  const sections: number[] = [];
  const blank: BlankSamples = { frame: [], fcp: [] };
  for (let i = -1; i < runs; i++) {
    const floor = await blankPaint(browser, extensionId);
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(MANAGER_PROBE);
    await page.goto(url);
    type Seen = { fcp: number | null; sections: number | null };
    const seen = await pageValue(page, () => {
      const m = (window as unknown as { __manager: Seen }).__manager;
      return m.fcp !== null && m.sections !== null ? m : null;
    });
    if (i >= 0) {
      fcp.push(seen.fcp ?? Number.NaN);
      sections.push(seen.sections ?? Number.NaN);
      blank.frame.push(floor.frame);
      blank.fcp.push(floor.fcp);
    }
    await page.close();
  }
  return { fcp, sections, blank };
}

/**
 * The code a page loads before it paints: its HTML's scripts and styles and, through static
 * imports, their chunks (dynamic imports are left out: they load when asked for). Bytes
 * gzipped at level 9, as a store or a server would send them.
 */
export async function pageCodeBytes(
  extension: string,
  html: string,
): Promise<{ files: string[]; gzipBytes: number }> {
  const read = (file: string) => readFile(join(extension, file));
  const text = (await read(html)).toString();
  const queue = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = (await read(file)).toString();
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`, never `import("./x.js")`.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      queue.push(join(dirname(file), m[1] ?? '').replace(/^\//, ''));
    }
  }
  const files = [...seen];
  const bytes = Buffer.concat(await Promise.all(files.map(read)));
  return { files, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
