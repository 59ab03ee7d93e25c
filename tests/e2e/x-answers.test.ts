import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/**
 * X's answers as they really come, seen by a rep: escaped text, t.co links, a long post, a
 * repost and a quote (@acme_news), and a protected lead (@janedoe_), in the panel on a Zoho
 * lead and in the popup's search.
 */

const NEWS_LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000444001';
const JANE_LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000444002';
const REX_LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000444003';
const SAM = '1400000000000000000';
const QA =
  'Q&A at 3pm with @maria_acme: the picker arm team answers your questions. Bring <your> hardest ones & coffee. #AskAcme';
const LAUNCH =
  'Big launch today, we are shipping the picker arm to our first forty customers across Texas, Nevada and Ontario. Thank you to every team that tested it with us!';

let run: WithX;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
});
afterAll(() => run?.close());

/** Opens the panel on a Zoho lead and associates the handle typed into the lookup. */
async function panelFor(url: string, handle: string): Promise<{ page: Page; panel: Frame }> {
  const page = await run.browser.newPage();
  await serveCrmPages(page, [{ url, fixture: 'zoho/lead.html' }]);
  await page.goto(url);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const panel = await page.waitForFrame((f) => f.url().endsWith('/panel.html'));
  await panel.locator('.handle-lookup input').fill(handle);
  await panel.locator('.handle-lookup button[type="submit"]').click();
  await panel.locator(`::-p-aria(Associate @${handle} with this record)`).click();
  await panel.waitForSelector(`::-p-text(Associated with @${handle}.)`);
  return { page, panel };
}

/** What a post item shows: its text as read, and its links. */
function shown(item: ElementHandle) {
  return item.evaluate((li) => ({
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
    text: (li as HTMLElement).innerText,
    links: [...li.querySelectorAll('a')].map((a) => ({
      text: a.textContent,
      href: a.getAttribute('href'),
      title: a.getAttribute('title'),
    })),
  }));
}

async function itemWith(root: Frame | Page, list: string, text: string): Promise<ElementHandle> {
  const item = await root.waitForSelector(`${list} > li ::-p-text(${text})`);
  const li = await item?.evaluateHandle((node) => (node as Element).closest('li'));
  if (!li) throw new Error(`no post reads ${text}`);
  return li as ElementHandle;
}

describe('the panel on a Zoho lead associated with @acme_news', () => {
  let panel: Frame;
  beforeAll(async () => {
    ({ panel } = await panelFor(NEWS_LEAD, 'acme_news'));
    await panel.waitForSelector('ol.posts li');
  });

  it('shows the escaped post as typed, as text, with the mention and hashtag as links', async () => {
    const post = await shown(await itemWith(panel, 'ol.posts', 'Q&A at 3pm'));
    expect(post.text).toContain(QA);
    expect(post.text).not.toContain('&amp;');
    expect(post.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: '@maria_acme', href: 'https://x.com/maria_acme' }),
        expect.objectContaining({ text: '#AskAcme', href: 'https://x.com/search?q=%23AskAcme' }),
      ]),
    );
    expect(await panel.$$eval('ol.posts b, ol.posts your', (found) => found.length)).toBe(0);
  });

  it('shows a t.co link by its display URL, pointing to the expanded URL with it as title', async () => {
    const post = await shown(await itemWith(panel, 'ol.posts', 'Read our report'));
    expect(post.text).toContain('Read our report acme.io/report-2026');
    expect(post.text).not.toContain('t.co');
    expect(post.links[0]).toEqual({
      text: 'acme.io/report-2026',
      href: 'https://acme.io/report-2026',
      title: 'https://acme.io/report-2026',
    });
  });

  it('shows the 600-character post whole', async () => {
    const post = await shown(await itemWith(panel, 'ol.posts', 'Field notes'));
    expect(post.text).toContain("it reports jams to the shift lead's phone. Full write-up with photos");
    expect(post.text).toContain('#warehouse');
  });

  it('shows the repost as its original, marked reposted by, and Like acts on the original', async () => {
    const item = await itemWith(panel, 'ol.posts', 'Reposted by');
    const post = await shown(item);
    expect(post.text).toContain('Reposted by Acme Newsroom @acme_news');
    expect(post.text).toContain('Acme Robotics @acmerobotics');
    expect(post.text).toContain(LAUNCH);
    expect(post.text).not.toContain('RT @');
    const original = [...run.x.state.posts.values()].find((p) => p.text === LAUNCH);
    await (await item.waitForSelector('::-p-aria(Like)'))?.click();
    await item.waitForSelector('::-p-aria(Unlike)');
    await expect.poll(() => run.x.state.likes.has(`${SAM}:${original?.id}`)).toBe(true);
  });

  it('shows a quote with the quoted post beneath', async () => {
    const item = await itemWith(panel, 'ol.posts', 'Proud of this team');
    const quoted = await item.$eval(
      '::-p-aria(Quoted post)',
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
      (q) => (q as HTMLElement).innerText,
    );
    expect(quoted).toContain('Maria Garcia @maria_acme');
    expect(quoted).toContain('Our new picker arm ships in March. Details: acmerobotics.com/picker');
  });

  it('shows the bio from its entities, unescaped as X sends it', async () => {
    const bio = await panel.$eval('.bio', (p) => ({
      text: p.textContent,
      links: [...p.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    }));
    expect(bio.text).toBe('News & updates from Acme Robotics <cobots for warehouses>. Press: @acmerobotics');
    expect(bio.links).toEqual(['https://x.com/acmerobotics']);
  });
});

describe('a protected lead', () => {
  it('has a lock on the profile, and the panel says the posts are protected instead of no posts', async () => {
    const { panel } = await panelFor(JANE_LEAD, 'janedoe_');
    const lock = await panel.waitForSelector('.profile ::-p-aria(Protected account)');
    expect(await lock?.evaluate((el) => el.getAttribute('role'))).toBe('img');
    await panel.waitForSelector('::-p-text(These posts are protected)');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
    const text = await panel.evaluate(() => document.body.innerText);
    expect(text).toContain(
      'These posts are protected: only followers the account has approved can read them.',
    );
    expect(text).not.toContain('No posts yet.');
  });
});

describe('a suspended account', () => {
  it('says X suspended it when the rep looks up its handle', async () => {
    const page = await run.browser.newPage();
    await serveCrmPages(page, [{ url: REX_LEAD, fixture: 'zoho/lead.html' }]);
    await page.goto(REX_LEAD);
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const panel = await page.waitForFrame((f) => f.url().endsWith('/panel.html'));
    await panel.locator('.handle-lookup input').fill('rex_suspended');
    await panel.locator('.handle-lookup button[type="submit"]').click();
    const alert = await panel.waitForSelector('::-p-text(X has suspended this account.)');
    expect(await alert?.evaluate((el) => el.getAttribute('role'))).toBe('alert');
    expect(await panel.$('::-p-aria(Associate @rex_suspended with this record)')).toBeNull();
  });
});

describe('the popup search', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await run.browser.newPage();
    await popup.goto(`chrome-extension://${run.extensionId}/popup.html`);
    await popup.waitForSelector('#search-query');
  });

  async function search(query: string) {
    await popup.locator('#search-query').fill(query);
    const before = run.x.callsTo('GET /2/tweets/search/recent').length;
    await popup.locator('.search-form button[type="submit"]').click();
    await expect.poll(() => run.x.callsTo('GET /2/tweets/search/recent').length).toBe(before + 1);
    await popup.waitForFunction(() =>
      / posts? shown$/.test(document.querySelector('.search > p[role="status"]')?.textContent ?? ''),
    );
    return popup.$$eval('ol.search-results > li', (items) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text a user reads
      items.map((li) => (li as HTMLElement).innerText),
    );
  }

  it('shows the escaped post decoded, the link by its display URL and the long post whole, and no repost', async () => {
    const results = await search('from:acme_news');
    expect(results.length).toBeGreaterThanOrEqual(4);
    const all = results.join('\n');
    expect(all).toContain(QA);
    expect(all).toContain('Read our report acme.io/report-2026');
    expect(all).toContain('#warehouse');
    expect(all).not.toContain('&amp;');
    expect(all).not.toContain('Reposted by');
    const link = await popup.$eval('ol.search-results a[title="https://acme.io/report-2026"]', (a) =>
      a.getAttribute('href'),
    );
    expect(link).toBe('https://acme.io/report-2026');
  });

  it('shows a repost, when asked for with is:retweet, as its original marked reposted by', async () => {
    const results = await search('from:acme_news is:retweet');
    expect(results).toHaveLength(1);
    expect(results[0]).toContain('Acme Robotics @acmerobotics');
    expect(results[0]).toContain('Reposted by Acme Newsroom @acme_news');
    expect(results[0]).toContain(LAUNCH);
  });
});
