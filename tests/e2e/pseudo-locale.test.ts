import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmVendors } from '../../lib/crm/registry';
import { DEFAULT_SOCIAL_KEYWORDS } from '../../lib/store/social-settings';
import { FILLER_FIRST_NAMES, FILLER_LAST_NAMES, PEOPLE } from '../fake-x/seed-people';
import { EXTENSION_DIR } from './harness/chromium';
import { serveCrmPages } from './harness/crm-pages';
import { waitForPanelName } from './harness/record-panel';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

// Every page of the built extension, run with each message of _locales wrapped in ⟦ ⟧: any
// visible text or accessible name outside the brackets did not come from _locales, so a
// translator could never reach it. Data from X and the CRM, numbers and dates are allowed.

const OPEN = '⟦';
const CLOSE = '⟧';
const ZOHO_LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
/** What the test types into the composer: the user's own words, shown back as typed. */
const TYPED = 'Hello @ma';

/** Month names as Intl writes dates in the browser's language (English here), for chart days. */
const MONTHS = new RegExp(
  `\\b(${Array.from({ length: 12 }, (_, month) =>
    ['short', 'long'].map((width) =>
      new Intl.DateTimeFormat('en', { month: width as 'short' | 'long', timeZone: 'UTC' }).format(
        Date.UTC(2026, month, 15),
      ),
    ),
  )
    .flat()
    .join('|')})\\b`,
  'g',
);

/** A copy of the build whose every message (in every locale) reads ⟦message⟧. */
async function pseudoLocalisedBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'x-crm-pseudo-'));
  await cp(EXTENSION_DIR, dir, { recursive: true });
  for (const locale of await readdir(join(dir, '_locales'))) {
    const file = join(dir, '_locales', locale, 'messages.json');
    const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, { message: string }>;
    for (const entry of Object.values(messages)) entry.message = `${OPEN}${entry.message}${CLOSE}`;
    await writeFile(file, JSON.stringify(messages));
  }
  return dir;
}

/**
 * What X and the CRM fixtures may show: every string the emulator's people and posts hold,
 * the rep's keywords, and the CRMs' product names (proper nouns, the same in every language).
 */
function dataCorpus(): string {
  const strings: string[] = ['Sales team', 'Acme Robotics', 'maria@acmerobotics.com', TYPED];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  // The Social view's starting keywords are the rep's own words to edit, shown back as stored.
  collect([
    PEOPLE,
    FILLER_FIRST_NAMES,
    FILLER_LAST_NAMES,
    crmVendors.map((vendor) => vendor.label),
    DEFAULT_SOCIAL_KEYWORDS,
  ]);
  return strings.join('\n');
}
const corpus = dataCorpus();

/** The parts of `text` outside every (nested) ⟦ ⟧ pair. */
function outsideMarkers(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let piece = '';
  for (const char of text) {
    if (char === OPEN) {
      if (depth === 0) pieces.push(piece);
      piece = '';
      depth++;
    } else if (char === CLOSE && depth > 0) depth--;
    else if (depth === 0) piece += char;
  }
  pieces.push(piece);
  return pieces.map((p) => p.trim()).filter(Boolean);
}

/** Whether a piece outside the markers is data a user expects untranslated. */
function isData(piece: string): boolean {
  const words = piece
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[@#]\w+/g, '')
    .replace(/\b[\w-]+(\.[\w-]+)+(\/\S*)?/g, '')
    .replace(MONTHS, '');
  if (!/\p{L}/u.test(words)) return true;
  return corpus.includes(piece) || corpus.includes(piece.replace(/…$/, ''));
}

interface Shown {
  where: string;
  text: string;
}

/** Every text node and accessible name of a page or frame, except dates in <time> and code. */
function shownIn(target: Page | Frame): Promise<Shown[]> {
  return target.evaluate(() => {
    const found: { where: string; text: string }[] = [{ where: 'title', text: document.title }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, time, code')) continue;
      found.push({ where: parent.tagName.toLowerCase(), text: node.textContent ?? '' });
    }
    for (const element of document.body.querySelectorAll('*')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = element.getAttribute(name);
        if (value) found.push({ where: `${element.tagName.toLowerCase()}[${name}]`, text: value });
      }
      if (element.matches('input[type="submit"], input[type="button"]')) {
        found.push({ where: 'input[value]', text: (element as HTMLInputElement).value });
      }
    }
    return found.filter((item) => item.text.trim() !== '');
  });
}

/** What a page shows that did not come from _locales. */
async function notFromLocales(target: Page | Frame): Promise<string[]> {
  const shown = await shownIn(target);
  return shown.flatMap(({ where, text }) =>
    outsideMarkers(text)
      .filter((piece) => !isData(piece))
      .map((piece) => `${where}: ${piece}`),
  );
}

let run: WithX;
let build: string;

beforeAll(async () => {
  build = await pseudoLocalisedBuild();
  run = await launchWithX({ extensionDir: build });
  await signInThroughManager(run);
});
afterAll(async () => {
  await run?.close();
  if (build) await rm(build, { recursive: true, force: true });
});

describe('every page speaks only through _locales (pseudo-locale)', () => {
  it('finds English that did not come from _locales when a page shows some', async () => {
    const page = await run.browser.newPage();
    await page.goto(`chrome-extension://${run.extensionId}/help.html`);
    await page.waitForSelector(`::-p-text(${OPEN})`);
    await page.evaluate(() => {
      const planted = document.createElement('p');
      planted.textContent = 'Saved to the cloud';
      planted.title = 'Hard-coded hint';
      document.body.append(planted);
    });
    expect(await notFromLocales(page)).toEqual(['p: Saved to the cloud', 'p[title]: Hard-coded hint']);
    await page.close();
  });

  it('the help page', async () => {
    const page = await run.browser.newPage();
    await page.goto(`chrome-extension://${run.extensionId}/help.html`);
    await page.waitForSelector('h1');
    await page.waitForSelector(`::-p-text(chromiumapp.org)`);
    expect(await notFromLocales(page)).toEqual([]);
    await page.close();
  });

  it('the integration manager, with an account signed in', async () => {
    const page = await run.browser.newPage();
    await page.goto(`chrome-extension://${run.extensionId}/options.html`);
    await page.waitForSelector('::-p-text(@samrep_crm)');
    await page.waitForSelector('#usage-summary');
    expect(await notFromLocales(page)).toEqual([]);
    await page.close();
  });

  it('the toolbar popup, with text typed and a search done', async () => {
    const page = await run.browser.newPage();
    await page.setViewport({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${run.extensionId}/popup.html`);
    const text = await page.waitForSelector('textarea');
    await text?.type(TYPED);
    await page.waitForSelector('[role="listbox"] [role="option"], .composer-count');
    const search = await page.waitForSelector('input[type="search"]');
    await search?.type('robotics');
    await search?.press('Enter');
    await page.waitForSelector('time');
    expect(await notFromLocales(page)).toEqual([]);
    await page.close();
  });

  it('the panel on a Zoho lead: people found, then the associated profile and posts', async () => {
    const page = await run.browser.newPage();
    await serveCrmPages(page, [{ url: ZOHO_LEAD, fixture: 'zoho/lead.html' }]);
    await page.goto(ZOHO_LEAD);
    await page.locator(`::-p-aria(${OPEN}Open X panel for Maria Garcia${CLOSE})`).click();
    const panel = await waitForPanelName(page, 'Maria Garcia');
    await panel.waitForSelector(`::-p-aria(${OPEN}People found on X${CLOSE})`);
    expect(await notFromLocales(panel)).toEqual([]);

    await panel.locator(`::-p-aria(${OPEN}Associate @maria_acme with this record${CLOSE})`).click();
    await panel.waitForSelector('ol.posts li time');
    expect(await notFromLocales(panel)).toEqual([]);
    await page.close();
  });

  it('the Social view side panel, with its refresh quote, a refresh done and its schedule', async () => {
    const page = await run.browser.newPage();
    await page.goto(`chrome-extension://${run.extensionId}/sidepanel.html`);
    await page.waitForSelector(`::-p-text(${OPEN}A refresh reads at most)`);
    await page.locator(`::-p-text(${OPEN}Refresh (up to)`).click();
    await page.waitForSelector(`#social-outcome ::-p-text(This refresh cost)`);
    await page.waitForSelector('#social-schedule');
    expect(await notFromLocales(page)).toEqual([]);
    await page.close();
  });
});
