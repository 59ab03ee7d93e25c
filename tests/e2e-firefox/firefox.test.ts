// The product in Firefox ESR, driven like the Chromium suite: the built firefox-mv3, the X
// emulator as api.x.com and x.com, CRM pages at their vendors' real URLs. One browser for the
// file (a Firefox start costs ~20 s); the tests run in order, as a rep would go.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZOHO_LEAD, SALESFORCE_CONTACT } from '../../scripts/sandbox/crm-server';
import { type FirefoxRun, firefoxRedirectUrl, launchFirefoxWithX, xPage } from './harness/run';
import { byName, click, extensionFrame, fill, waitForText } from './harness/ui';

const SAM = '1400000000000000000';

let run: FirefoxRun;
let manager: Page;

beforeAll(async () => {
  run = await launchFirefoxWithX();
  manager = await run.open('/options.html');
}, 120_000);
afterAll(() => run?.close());

/** What the page itself can see of the icon's host element. */
function iconHost(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('x-crm-record');
    return host
      ? {
          openShadowRoot: host.shadowRoot !== null,
          previousText: host.previousElementSibling?.textContent?.trim() ?? null,
          pageIframes: document.querySelectorAll('iframe').length,
        }
      : null;
  });
}

/** Clicks the icon where it is drawn: the page (and BiDi) cannot reach into its closed root. */
async function clickIcon(page: Page): Promise<void> {
  const host = await page.waitForSelector('x-crm-record', { timeout: 15_000 });
  const box = await host?.boundingBox();
  if (!box) throw new Error('The X icon is not drawn.');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const NOT_FROM_ICON = 'This X panel was not opened by the X icon on this page';

/** The page frames the panel at its address in this profile, as a page that learnt the UUID would. */
async function framePanelFrom(page: Page): Promise<Frame> {
  await page.evaluate((url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
  }, `${run.origin}/panel.html`);
  return extensionFrame(page, '/panel.html');
}

/** The error codes the worker answers to panel messages sent from `frame`, one with a made-up token. */
function refusals(frame: Frame): Promise<(string | undefined)[]> {
  return frame.evaluate(async () => {
    type Runtime = { sendMessage(message: unknown): Promise<{ error?: { code: string } }> };
    const { runtime } = (globalThis as unknown as { browser: { runtime: Runtime } }).browser;
    const answers = await Promise.all(
      [
        { name: 'panelTab', input: {} },
        { name: 'panelView', input: {} },
        { name: 'panelPlace', input: { ancestorOrigins: null, parentIsTop: true } },
        { name: 'panelTab', input: {}, panelToken: 'f'.repeat(64) },
      ].map((message) => runtime.sendMessage(message)),
    );
    return answers.map((answer) => answer.error?.code);
  });
}

/** The panel frame of `page`, other than `besides`, once its heading reads `name`. */
async function panelShowing(page: Page, name: string, besides: Frame): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === besides || frame.detached || frame === page.mainFrame()) continue;
      const heading = await frame.evaluate(() => document.querySelector('h1')?.textContent).catch(() => null);
      if (heading === name) return frame;
    }
    if (Date.now() > deadline) throw new Error(`No panel shows ${name}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Records each sidebarAction.open() call of the page `frame` shows, still opening the sidebar;
 * answers which of the two side APIs the page has.
 */
function watchSidebarOpen(frame: Frame | Page) {
  return frame.evaluate(() => {
    type Sidebar = { open(): Promise<void> };
    const api = (globalThis as unknown as { browser: { sidebarAction?: Sidebar; sidePanel?: unknown } })
      .browser;
    const calls: string[] = [];
    (globalThis as unknown as { sidebarCalls: string[] }).sidebarCalls = calls;
    const sidebar = api.sidebarAction as Sidebar;
    const open = sidebar.open.bind(sidebar);
    sidebar.open = () => {
      calls.push('open');
      return open();
    };
    return { sidePanel: typeof api.sidePanel, sidebarAction: typeof api.sidebarAction };
  });
}

/** The sidebarAction.open() calls watchSidebarOpen saw. */
function sidebarOpens(frame: Frame | Page): Promise<string[]> {
  return frame.evaluate(() => (globalThis as unknown as { sidebarCalls: string[] }).sidebarCalls);
}

describe('X for CRM in Firefox', () => {
  it('signs an account in from the manager with the PIN flow', async () => {
    await (await byName(manager, 'Settings…')).click();
    await fill(manager, 'Consumer Key', run.x.app.consumerKey);
    await fill(manager, 'Consumer Secret', run.x.app.consumerSecret);
    await fill(manager, 'OAuth 2.0 Client ID', run.x.app.clientId);
    await (await byName(manager, 'Save')).click();
    await waitForText(manager, 'No X account yet');
    await (await byName(manager, 'Add')).click();
    await fill(manager, 'Name', 'Sales team');
    await (await byName(manager, 'Next')).click();

    const authorize = await xPage(run.browser, 'https://api.x.com/oauth/authorize');
    await (await authorize.waitForSelector('#allow'))?.click();
    const pinBox = await authorize.waitForSelector('#oauth_pin code');
    const pin = (await pinBox?.evaluate((code) => code.textContent?.trim())) ?? '';
    expect(pin).toMatch(/^\d{7}$/);
    await authorize.close();

    await manager.bringToFront();
    await fill(manager, 'PIN from X', pin);
    await (await byName(manager, 'Finish')).click();
    const shown = await waitForText(manager, 'Signed in as @samrep_crm.');
    expect(shown).toContain('Sales team');
    await (await byName(manager, 'Close')).click();
  });

  it('shows the X icon after a Zoho lead’s name, in a closed shadow root', async () => {
    const page = await run.browser.newPage();
    await page.goto(ZOHO_LEAD);
    await page.waitForSelector('x-crm-record', { timeout: 15_000 });
    expect(await iconHost(page)).toEqual({
      openShadowRoot: false,
      previousText: 'Maria Garcia',
      pageIframes: 0,
    });
    await page.close();
  });

  it('shows the X icon after a Salesforce contact’s name', async () => {
    const page = await run.browser.newPage();
    await page.goto(SALESFORCE_CONTACT);
    await page.waitForSelector('x-crm-record', { timeout: 15_000 });
    expect(await iconHost(page)).toEqual({
      openShadowRoot: false,
      previousText: 'Chloé Dubois-Lefèvre',
      pageIframes: 0,
    });
    await page.close();
  });

  it('opens the panel from the icon, associates the lead with a person found on X and shows the profile', async () => {
    const page = await run.browser.newPage();
    await page.goto(ZOHO_LEAD);
    await clickIcon(page);
    const panel = await extensionFrame(page, '/panel.html');
    const shown = await waitForText(panel, 'People on X named Maria Garcia');
    expect(shown).toContain('Lead in Zoho CRM');
    await click(page, await byName(panel, 'Associate @maria_acme with this record'));
    await waitForText(panel, 'Associated with @maria_acme.');
    await panel.waitForSelector('ol.posts li');
    const pinned = run.x.state.posts.get(run.x.state.userByUsername('maria_acme')?.pinnedPostId ?? '');
    expect(pinned).toBeDefined();
    await waitForText(panel, pinned?.text.slice(0, 30) ?? '');
    // The panel is inside the icon's closed root: the page has no iframe it could read.
    expect((await iconHost(page))?.pageIframes).toBe(0);
    await page.close();
  });

  it('keeps the panel’s address from the page, which is all Firefox has for use_dynamic_url', async () => {
    // Firefox ignores web_accessible_resources' use_dynamic_url: the panel is reachable at
    // moz-extension://<this profile's UUID>/panel.html, so a page must never learn the UUID.
    const page = await run.browser.newPage();
    await page.goto(ZOHO_LEAD);
    await clickIcon(page);
    await waitForText(await extensionFrame(page, '/panel.html'), 'Maria Garcia');
    const seen = await page.evaluate(() => ({
      inDom: document.documentElement.outerHTML.includes('moz-extension:'),
      loadedResources: performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.startsWith('moz-extension:')),
      frames: window.frames.length,
    }));
    expect(seen).toEqual({ inDom: false, loadedResources: [], frames: 0 });
    await page.close();
  });

  it('answers nothing to a panel.html that another https site frames by the add-on’s UUID', async () => {
    // Firefox ignores use_dynamic_url: a page that learnt the UUID can frame the panel. Only a
    // panel presenting the token its tab's content script drew gets answers.
    const page = await run.browser.newPage();
    await page.goto('https://api.x.com/oauth/authorize');
    const framed = await framePanelFrom(page);
    await waitForText(framed, NOT_FROM_ICON);
    expect(await refusals(framed)).toEqual(Array(4).fill('panel-not-opened-by-icon'));
    expect(await framed.$$('button')).toEqual([]);
    await page.close();
  });

  it('answers nothing to a panel the CRM page frames itself, while the icon’s panel works', async () => {
    // Directly in the record's page, the frame sits where the icon would put it: the token is
    // what tells the two apart.
    const page = await run.browser.newPage();
    await page.goto(ZOHO_LEAD);
    await page.waitForSelector('x-crm-record', { timeout: 15_000 });
    const framed = await framePanelFrom(page);
    await waitForText(framed, NOT_FROM_ICON);
    expect(await refusals(framed)).toEqual(Array(4).fill('panel-not-opened-by-icon'));
    await clickIcon(page);
    const own = await panelShowing(page, 'Maria Garcia', framed);
    expect(await own.evaluate(() => document.body.innerText)).not.toContain(NOT_FROM_ICON);
    expect(await framed.$$('button')).toEqual([]);
    await page.close();
  });

  it('posts from the popup as the signed-in account', async () => {
    const popup = await run.open('/popup.html');
    const postingAs = await byName(popup, 'Posting as');
    await expect
      .poll(() =>
        postingAs.evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
      )
      .toContain('@samrep_crm');
    await (await popup.waitForSelector('textarea'))?.type('Shipping the CRM integration in Firefox today');
    await (await byName(popup, 'Post')).click();
    await waitForText(popup, 'Posted.');
    const posted = [...run.x.state.posts.values()].filter(
      (post) => post.authorId === SAM && post.text === 'Shipping the CRM integration in Firefox today',
    );
    expect(posted).toHaveLength(1);
    await popup.close();
  });

  it('signs in with X through Firefox’s own redirect URL (identity.launchWebAuthFlow)', async () => {
    // The X app lists Firefox's callback beside Chrome's, as the README tells the admin.
    const redirect = firefoxRedirectUrl(run.addonId);
    run.x.addRedirectUri(redirect);
    await manager.bringToFront();
    await (await byName(manager, 'Add')).click();
    await fill(manager, 'Name', 'Support desk');
    await (await byName(manager, 'Sign in with X')).click();
    const authorize = await xPage(run.browser, 'https://x.com/i/oauth2/authorize');
    expect(new URL(authorize.url()).searchParams.get('redirect_uri')).toBe(redirect);
    await authorize.select('#account', 'alexseller');
    await (await authorize.waitForSelector('#allow'))?.click();
    await waitForText(manager, 'Signed in as @alexseller.', 20_000);
    expect(run.x.callsTo('POST /2/oauth2/token').map((call) => call.status)).toEqual([200]);
  });

  it('keeps storage.session from content scripts without setAccessLevel, which Firefox lacks', async () => {
    // Chrome gets storage.session closed to content scripts by the worker's setAccessLevel
    // call; Firefox has no such call and never gives the area to content scripts.
    const page = await run.browser.newPage();
    await page.goto(ZOHO_LEAD);
    await clickIcon(page);
    await waitForText(await extensionFrame(page, '/panel.html'), 'Maria Garcia');
    await manager.bringToFront();
    const seen = await manager.evaluate(async (leadUrl) => {
      type Api = {
        storage: { session: { get(keys: null): Promise<Record<string, unknown>>; setAccessLevel?: unknown } };
        scripting: { executeScript(options: unknown): Promise<{ result?: unknown }[]> };
      };
      const api = (globalThis as unknown as { browser: Api }).browser;
      const stored = await api.storage.session.get(null);
      const keys = Object.keys(stored);
      const tabKey = keys.find(
        (key) =>
          key.startsWith('tab-record:') &&
          (stored[key] as { record?: { url?: string } }).record?.url === leadUrl,
      );
      const tabId = Number(tabKey?.slice('tab-record:'.length));
      // What a content script on the CRM page sees of the area: the same isolated world.
      const [inContentScript] = await api.scripting.executeScript({
        target: { tabId },
        func: async () => {
          const session = (
            globalThis as unknown as { browser: { storage: { session?: Api['storage']['session'] } } }
          ).browser.storage.session;
          if (!session) return 'absent';
          return session.get(null).then(
            () => 'readable',
            (error: Error) => `refused: ${error.message}`,
          );
        },
      });
      return {
        setAccessLevel: typeof api.storage.session.setAccessLevel,
        hasTabRecord: tabKey !== undefined,
        hasPanelTokens: keys.includes(`panel-tokens:${tabId}`),
        contentScript: inContentScript?.result,
      };
    }, ZOHO_LEAD);
    expect(seen).toMatchObject({ setAccessLevel: 'undefined', hasTabRecord: true, hasPanelTokens: true });
    // Firefox does not even define the area in a content script (Chromium refuses the read).
    expect(seen.contentScript).toBe('absent');
    await page.close();
  });

  it('shows the Social view, Firefox’s sidebar page, with the price first and what a refresh cost', async () => {
    const manifest = (await manager.evaluate(() =>
      (
        globalThis as unknown as { browser: { runtime: { getManifest(): unknown } } }
      ).browser.runtime.getManifest(),
    )) as { sidebar_action?: { default_panel?: string }; side_panel?: unknown };
    // Firefox answers the page's address resolved against the add-on's origin.
    expect(manifest.sidebar_action?.default_panel).toMatch(/\/sidepanel\.html$/);
    expect(manifest.side_panel).toBeUndefined();
    // The sidebar shows this page; headless Firefox draws no sidebar, so it is driven in a tab.
    const social = await run.open('/sidepanel.html');
    await waitForText(social, 'A refresh reads at most');
    expect(run.x.callsTo('GET /2/users/:id/mentions')).toHaveLength(0);
    const refresh = await social.waitForSelector('button[aria-describedby="social-quote"]');
    await refresh?.click();
    const shown = await waitForText(social, 'This refresh cost', 20_000);
    expect(shown).toMatch(/new items?\. This refresh cost \$\d/);
    expect(run.x.callsTo('GET /2/users/:id/mentions').length).toBeGreaterThan(0);
    await social.close();
  });

  it('opens the Social view with sidebarAction from the popup’s button, as Firefox has no sidePanel', async () => {
    const popup = await run.open('/popup.html');
    expect(await watchSidebarOpen(popup)).toEqual({ sidePanel: 'undefined', sidebarAction: 'object' });
    const button = await byName(popup, 'Social view');
    // waitForFunction compiles its function, which an extension page's CSP refuses: poll instead.
    await expect
      .poll(() => button.evaluate((element) => (element as HTMLButtonElement).disabled))
      .toBe(false);
    await button.click();
    // The popup closes itself once the sidebar opened, which it does only through sidebarAction.
    await expect.poll(() => sidebarOpens(popup).catch(() => ['closed'])).not.toEqual([]);
    if (!popup.isClosed()) await popup.close();
  });

  it('says in the record panel where the Social view opens, as Firefox gives a framed page no sidebarAction', async () => {
    const page = await run.browser.newPage();
    await page.goto(ZOHO_LEAD);
    await clickIcon(page);
    const panel = await extensionFrame(page, '/panel.html');
    await waitForText(panel, 'Maria Garcia');
    // The popup has sidebarAction (above); an extension page framed in a web page has neither API.
    expect(
      await panel.evaluate(() => {
        const api = (globalThis as unknown as { browser: Record<string, unknown> }).browser;
        return { sidePanel: typeof api.sidePanel, sidebarAction: typeof api.sidebarAction };
      }),
    ).toEqual({ sidePanel: 'undefined', sidebarAction: 'undefined' });
    await waitForText(panel, 'The Social view opens from the X for CRM toolbar button, or with Alt+Shift+S.');
    await expect(byName(panel, 'Social view', 500)).rejects.toThrow(/Timed out/);
    await page.close();
  });
});
