import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/**
 * The CRM page's own scripts try to reach the panel and make it act on X: frame the panel
 * themselves, read the icon's shadow root, post messages into every frame, click the icon
 * with synthetic events, message the extension. None of it may work; X must see no write.
 */

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';

let run: WithX;
let page: Page;
let staticPanel: string;

/** Write calls (POST or DELETE on the v2 API) X received. */
const writes = () => run.x.calls.filter((c) => c.path.startsWith('/2/') && c.method !== 'GET');
/** Frames on the extension's origin: the static one (never) or the dynamic one the icon opens. */
const extensionFrames = () => page.frames().filter((f) => f.url().startsWith('chrome-extension://'));

type PageWindow = Window & { chrome?: { runtime?: { sendMessage?: unknown; id?: unknown } } };

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  staticPanel = `chrome-extension://${run.extensionId}/panel.html`;
  page = await run.browser.newPage();
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
  await page.goto(LEAD_URL);
  await page.waitForSelector('x-crm-record');
});
afterAll(() => run?.close());

describe('a CRM page’s scripts cannot reach the panel', () => {
  it('cannot load the panel at its static URL (the resource is web-accessible only by a dynamic URL)', async () => {
    const outcome = await page.evaluate(async (url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
      await new Promise((resolve) => {
        frame.addEventListener('load', resolve, { once: true });
        setTimeout(resolve, 3000);
      });
      const fetched = await fetch(url).then(
        () => 'fetched',
        () => 'refused',
      );
      return { fetched };
    }, staticPanel);
    expect(outcome.fetched).toBe('refused');
    // Chromium refused the navigation: the page's frame shows its error page, not the panel.
    expect(page.frames().map((f) => f.url())).toEqual([LEAD_URL, 'chrome-error://chromewebdata/']);
    expect(extensionFrames()).toEqual([]);
    await page.evaluate(() => document.querySelector('iframe')?.remove());
  });

  it('cannot read the icon’s shadow root, nor find the icon by any query', async () => {
    const seen = await page.evaluate(() => {
      const host = document.querySelector('x-crm-record');
      return {
        host: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        buttons: document.querySelectorAll('x-crm-record button, button.x-icon').length,
        iframes: document.querySelectorAll('iframe').length,
      };
    });
    expect(seen).toEqual({ host: true, shadowRoot: null, buttons: 0, iframes: 0 });
  });

  it('cannot open the panel with synthetic clicks, keys or focus on the icon’s host', async () => {
    const events = await page.evaluate(async () => {
      const host = document.querySelector('x-crm-record') as HTMLElement;
      const trusted: boolean[] = [];
      host.addEventListener('click', (event) => trusted.push(event.isTrusted));
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        const init = { bubbles: true, composed: true, cancelable: true, clientX: 5, clientY: 5 };
        host.dispatchEvent(
          type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init),
        );
      }
      host.click();
      host.focus();
      for (const key of ['Enter', ' ']) {
        host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        host.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
      }
      // And at whatever element is drawn where the icon is.
      const rect = host.getBoundingClientRect();
      document
        .elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2)
        ?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return trusted;
    });
    // The page's events reached the host, untrusted, and went no deeper.
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((isTrusted) => !isTrusted)).toBe(true);
    expect(extensionFrames()).toEqual([]);
  });

  it('cannot message the extension: chrome.runtime.sendMessage does not exist for the page', async () => {
    const runtime = await page.evaluate(() => {
      const w = window as PageWindow;
      return { chrome: typeof w.chrome, sendMessage: typeof w.chrome?.runtime?.sendMessage };
    });
    expect(runtime.sendMessage).toBe('undefined');
  });
});

describe('with the panel open on an associated person, the page still cannot make it act', () => {
  let panel: Frame;

  beforeAll(async () => {
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    panel = await page.waitForFrame((f) => f.url().endsWith('/panel.html'));
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    await panel.waitForSelector('ol.posts li');
  });

  it('is open, yet the page cannot address it: not in window.frames, not found by any query', async () => {
    expect(extensionFrames().map((f) => f.url())).toEqual([panel.url()]);
    const seen = await page.evaluate(() => ({
      frames: window.frames.length,
      iframes: document.querySelectorAll('iframe').length,
      panelInTree: [...document.querySelectorAll('*')].some((e) => e.tagName === 'IFRAME'),
    }));
    // An iframe inside a shadow tree is no document-tree child: window.frames does not list it.
    expect(seen).toEqual({ frames: 0, iframes: 0, panelInTree: false });
  });

  it('posts protocol messages into every frame: nothing is done at X', async () => {
    const before = writes().length;
    const maria = run.x.state.userByUsername('maria_acme');
    const post = [...run.x.state.posts.values()].find((p) => p.authorId === maria?.id);
    const reached = await page.evaluate(
      (xUserId, postId) => {
        const attempts = [
          { name: 'personFollow', input: { xUserId, follow: true } },
          { name: 'postLike', input: { postId, undo: false } },
          { name: 'postRepost', input: { postId, undo: false } },
          { name: 'postCreate', input: { text: 'posted by the page' } },
          { name: 'disassociate', input: {} },
        ];
        let frames = 0;
        for (let i = 0; i < window.frames.length; i++) {
          const target = window.frames[i];
          if (!target) continue;
          frames++;
          for (const message of attempts) {
            target.postMessage(message, '*');
            target.postMessage(JSON.stringify(message), '*');
            target.postMessage({ type: 'click', selector: 'button' }, '*');
          }
        }
        for (const message of attempts) window.postMessage(message, '*');
        return frames;
      },
      maria?.id ?? '',
      post?.id ?? '',
    );
    // There was no frame to post to: the panel is out of the page's reach (see above).
    expect(reached).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(writes().length).toBe(before);
    expect(writes()).toEqual([]);
    // The association is still there: the panel did not obey a "disassociate" either.
    expect(await panel.$('::-p-text(Associated with @maria_acme.)')).not.toBeNull();
  });

  it('synthetic clicks on the host do not close the panel either', async () => {
    await page.evaluate(() => {
      const host = document.querySelector('x-crm-record') as HTMLElement;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    const hidden = await panel.evaluate(() => document.hidden);
    expect(hidden).toBe(false);
    // A person's click, right after, is the sign the icon has handled every click before it, in
    // order: it closes the panel, where it would have opened it again had a page's click closed it.
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    await expect.poll(() => extensionFrames().length).toBe(0);
    expect(writes()).toEqual([]);
  });
});
