import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../fake-x/state';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/**
 * Hostile text everywhere the extension shows something: the CRM's fields, an X person's
 * name, bio, location, website and posts, an account's name in the manager. Every payload
 * tries to set window.__pwned or call alert(); none may run, every link must be http(s), and
 * the text must be shown as it is.
 */

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000999001';
const EVIL_ID = '1999999999999999999';
const EVIL = {
  name: `<img src=x onerror="window.__pwned='x-name'">Eve`,
  bio: `"><script>window.__pwned='x-bio'</script> <svg onload=alert('x-bio')> javascript:alert('x-bio-link')`,
  location: `<iframe src="javascript:alert('x-location')"></iframe>`,
  url: `javascript:alert('x-url')`,
  posts: [
    `<img src=x onerror="window.__pwned='x-post'"> javascript:alert('x-post-link') zqxmarker`,
    `"><a href="javascript:alert('x-post-anchor')">click</a> https://example.com/"><b> zqxmarker`,
  ],
};
const ACCOUNT_NAME = `"><img src=x onerror="window.__pwned='account'">`;

let run: WithX;
let page: Page;
let panel: Frame;
const dialogs: string[] = [];

function watchDialogs(target: Page) {
  target.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}

/** Clicks the X icon inside its closed shadow root, the way a user does: at its place on screen. */
async function clickIcon(target: Page) {
  const cdp = await target.createCDPSession();
  await target.waitForSelector('x-crm-record');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  type Node = {
    nodeId: number;
    nodeName: string;
    attributes?: string[];
    children?: Node[];
    shadowRoots?: Node[];
  };
  const find = (node: Node): Node | undefined => {
    const attributes = node.attributes ?? [];
    if (node.nodeName === 'BUTTON' && attributes[attributes.indexOf('class') + 1] === 'x-icon') return node;
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  const icon = find(root as Node);
  if (!icon) throw new Error('no X icon in the page');
  const { model } = await cdp.send('DOM.getBoxModel', { nodeId: icon.nodeId });
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await cdp.detach();
  await target.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/** Nothing ran: no global set in the page, the panel or the manager, and no dialog opened. */
async function expectNothingRan(...frames: (Page | Frame)[]) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const frame of frames) {
    const pwned = await frame.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null);
    expect(pwned, frame.url()).toBeNull();
  }
  expect(dialogs).toEqual([]);
}

/** Every link is http(s), and nothing the payloads would have created exists. */
async function expectOnlyWebLinks(frame: Frame | Page) {
  const found = await frame.evaluate(() => ({
    hrefs: [...document.body.querySelectorAll('a[href], area[href]')].map(
      (a) => a.getAttribute('href') ?? '',
    ),
    links: document.body.querySelectorAll('a').length,
    srcs: [...document.body.querySelectorAll('[src]')].map((e) => `${e.tagName}:${e.getAttribute('src')}`),
    inline: document.body.querySelectorAll('script, svg[onload], [onerror], [onload], iframe').length,
  }));
  // Every <a> has an href, and it is a web address.
  expect(found.hrefs.length).toBe(found.links);
  for (const href of found.hrefs) expect(href).toMatch(/^https?:\/\//);
  for (const src of found.srcs) expect(src).not.toMatch(/:(x|javascript:.*)$/);
  expect(found.inline).toBe(0);
}

beforeAll(async () => {
  run = await launchWithX();
  const now = run.x.clock.now();
  run.x.state.addUser({
    id: EVIL_ID,
    name: EVIL.name,
    username: 'evil_eve',
    description: EVIL.bio,
    location: EVIL.location,
    url: EVIL.url,
    createdAt: '2020-01-01T00:00:00.000Z',
    verifiedType: 'none',
    protected: false,
    listedCount: 0,
    color: [200, 0, 0],
    imageName: 'evilEve1',
  } satisfies User);
  EVIL.posts.forEach((text, index) => {
    run.x.state.createPost({ authorId: EVIL_ID, text, at: now - (index + 1) * 60_000 });
  });
  await signInThroughManager(run);
  page = await run.browser.newPage();
  watchDialogs(page);
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead-hostile.html' }]);
  await page.goto(LEAD_URL);
  await clickIcon(page);
  panel = await page.waitForFrame((f) => f.url().endsWith('/panel.html'));
  await panel.waitForSelector('#record-name');
});
afterAll(() => run?.close());

describe('hostile text from the CRM page', () => {
  it('is shown literally in the panel, and none of it runs', async () => {
    const record = await panel.$eval('.record', (el) => el.textContent ?? '');
    expect(record).toContain(`Eve Mallory <img src=x onerror="window.__pwned='crm-name'">`);
    expect(record).toContain(`"><script>window.__pwned='crm-company'</script>Evil Corp`);
    expect(record).toContain(`eve@evil.example"><svg onload=alert('crm-email')>`);
    // A javascript: "profile URL" in the Twitter field is no handle, and says so.
    expect(record).toContain(`javascript:alert('crm-twitter')//x.com/evil_eve`);
    expect(await panel.$('.association')).toBeNull();
    await expectOnlyWebLinks(panel);
    await expectNothingRan(page, panel);
  });

  it('gives the icon the name as text in its label, on the page untouched', async () => {
    const host = await page.evaluate(() => {
      const element = document.querySelector('x-crm-record');
      return { shadow: element?.shadowRoot ?? null, imgs: document.querySelectorAll('img').length };
    });
    expect(host).toEqual({ shadow: null, imgs: 0 });
  });
});

describe('hostile text from X', () => {
  it('shows the person found by handle literally', async () => {
    await panel.locator('.handle-lookup input').fill('evil_eve');
    await panel.locator('.handle-lookup button[type="submit"]').click();
    const found = await panel.waitForSelector('.candidates li');
    const text = (await found?.evaluate((li) => li.textContent ?? '')) ?? '';
    expect(text).toContain(EVIL.name);
    expect(text).toContain(EVIL.bio);
    expect(text).toContain(EVIL.location);
    await expectOnlyWebLinks(panel);
    await expectNothingRan(page, panel);
  });

  it('associates and shows the profile and posts literally, with only http(s) links', async () => {
    await panel.locator('::-p-aria(Associate @evil_eve with this record)').click();
    await panel.waitForSelector('::-p-text(Associated with @evil_eve.)');
    await panel.waitForSelector('ol.posts li');
    const profile = await panel.$eval('.profile', (el) => el.textContent ?? '');
    expect(profile).toContain(EVIL.name);
    expect(profile).toContain(`"><script>window.__pwned='x-bio'</script>`);
    expect(profile).toContain(EVIL.location);
    // The javascript: website is not made a link (nor shown as one).
    expect(profile).not.toContain("alert('x-url')");
    const posts = await panel.$$eval('ol.posts li', (items) => items.map((li) => li.textContent ?? ''));
    expect(posts.join('\n')).toContain(`<img src=x onerror="window.__pwned='x-post'">`);
    expect(posts.join('\n')).toContain(`"><a href="javascript:alert('x-post-anchor')">click</a>`);
    await expectOnlyWebLinks(panel);
    await expectNothingRan(page, panel);
  });
});

describe('hostile text in the integration manager', () => {
  it('shows an account named with markup as text', async () => {
    const options = await run.browser.newPage();
    watchDialogs(options);
    await options.goto(`chrome-extension://${run.extensionId}/options.html`);
    const renamed = await options.evaluate(
      (name) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
          }
        ).chrome.runtime.sendMessage({
          name: 'accountUpdate',
          input: { xUserId: '1400000000000000000', name },
        }),
      ACCOUNT_NAME,
    );
    expect(renamed.ok).toBe(true);
    await options.reload();
    await options.waitForFunction(
      (name) => document.body.textContent?.includes(name) ?? false,
      { timeout: 10_000 },
      ACCOUNT_NAME,
    );
    await expectOnlyWebLinks(options);
    await expectNothingRan(options);
    await options.close();
  });
});

describe('the watchers themselves', () => {
  it('see a dialog and a global set in the panel frame, so their silence above means something', async () => {
    await panel.evaluate(() => {
      (window as { __pwned?: unknown }).__pwned = 'probe';
      setTimeout(() => alert('probe'), 0);
    });
    await expect.poll(() => dialogs).toEqual(['probe']);
    expect(await panel.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBe('probe');
    dialogs.length = 0;
  });
});

describe('hostile text in the popup’s search results', () => {
  it('shows the posts, their author and the associated CRM record literally', async () => {
    const popup = await run.browser.newPage();
    watchDialogs(popup);
    await popup.goto(`chrome-extension://${run.extensionId}/popup.html`);
    await popup.locator('#search-query').fill('zqxmarker');
    await popup.locator('.search-form button[type="submit"]').click();
    await popup.waitForSelector('ol.search-results li');
    const results = await popup.$$eval('ol.search-results li', (items) =>
      items.map((li) => li.textContent ?? ''),
    );
    expect(results).toHaveLength(EVIL.posts.length);
    const text = results.join('\n');
    expect(text).toContain(EVIL.name);
    expect(text).toContain(`<img src=x onerror="window.__pwned='x-post'">`);
    expect(text).toContain(`"><a href="javascript:alert('x-post-anchor')">click</a>`);
    // The author is associated with the hostile lead: its name is shown as text too.
    expect(text).toContain(`Eve Mallory <img src=x onerror="window.__pwned='crm-name'">`);
    await expectOnlyWebLinks(popup);
    await expectNothingRan(popup);
    await popup.close();
  });
});
