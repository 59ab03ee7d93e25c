import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/** What X counts, seen in the popup: a post's length and price, and X's 24-hour posting cap. */

const SAM = '1400000000000000000';
const HOUR = 60 * 60_000;

let run: WithX;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
});
afterAll(() => run?.close());

async function openPopup(): Promise<Page> {
  const page = await run.browser.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/popup.html`);
  await page.waitForSelector('textarea');
  await page.waitForSelector('::-p-aria(Drafts)');
  await page.locator('::-p-aria(New post)').click();
  await expect
    .poll(() => page.$eval('textarea', (element) => (element as HTMLTextAreaElement).value))
    .toBe('');
  return page;
}

/** Puts `text` in the composer as one paste would, instead of typing 280 keys. */
async function paste(page: Page, text: string): Promise<void> {
  await page.focus('textarea');
  await page.evaluate((value) => document.execCommand('insertText', false, value), text);
}

const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const samPostsWith = (wanted: string) =>
  [...run.x.state.posts.values()].filter((post) => post.authorId === SAM && post.text.startsWith(wanted));

describe('the popup composer counts what X counts', () => {
  it('a link on any top-level domain is 23 characters and makes the post cost $0.20', async () => {
    const page = await openPopup();
    // 212 characters (8 of them CJK, which weigh 2) and a link on .consulting: 244 for X.
    const words = `${'a'.repeat(204)}佐藤花子田中宏明`;
    await paste(page, `${words} https://events.acme.consulting/webinars/2026-spring/recording?lang=en`);
    await expect.poll(() => text(page, '.composer-count')).toBe('36 characters left');
    expect(await text(page, '.composer-cost')).toBe('Posting costs $0.20 (the text has a link)');
    // Without a scheme, on another new top-level domain: still a link.
    await page.evaluate(() => document.execCommand('insertText', false, ' and acme.agency/deck'));
    await expect.poll(() => text(page, '.composer-count')).toBe('8 characters left');
    await page.locator('::-p-aria(Post)').click();
    await page.waitForSelector('::-p-text(Posted.)');
    expect(samPostsWith(words)).toHaveLength(1);
    await page.close();
  });
});

describe('the outbox knows a post is on X through X’s link entities', () => {
  it('does not send again a post whose schemeless link X shortened to t.co', async () => {
    const words = 'Slides from today: acme.io/q3-deck';
    run.x.faults.failNext('POST /2/tweets', 503, 1);
    const page = await openPopup();
    await page.type('textarea', words);
    await page.locator('::-p-aria(Post)').click();
    await page.waitForSelector('::-p-aria(Outbox)');
    // X did make it (the 503 came after): X's copy reads "Slides from today: https://t.co/…".
    const made = run.x.state.createPost({ authorId: SAM, text: words, at: run.x.clock.now() });
    expect(made.text).toMatch(/^Slides from today: https:\/\/t\.co\/\w+$/);
    const postsBefore = run.x.callsTo('POST /2/tweets').length;
    await page.locator(`::-p-aria(Retry sending: ${words})`).click();
    await page.waitForSelector('::-p-text(X already had this post, so it was not sent again.)');
    expect(run.x.callsTo('POST /2/tweets').length).toBe(postsBefore);
    expect(samPostsWith('Slides from today:')).toHaveLength(1);
    await page.close();
  });
});

describe('the popup and X’s 24-hour posting cap', () => {
  it('says "posting limit reached" until the cap resets, 20 hours away, and sends nothing more to X', async () => {
    const before = run.x.callsTo('POST /2/tweets').length;
    const setAt = run.x.clock.now();
    run.x.limits.setDaily({ endpoint: 'POST /2/tweets', scope: 'user', remaining: 0, resetInMs: 20 * HOUR });
    const page = await openPopup();
    await page.type('textarea', 'Webinar recording is up');
    await page.locator('::-p-aria(Post)').click();
    const alert = await page.waitForSelector('::-p-text(Posting limit reached until)');
    const shown = (await alert?.evaluate((element) => element.textContent)) ?? '';
    // The reset as the browser writes it, with its day unless it is later today (a test run
    // just after midnight): X's header is in whole seconds.
    const expected = await page.evaluate(
      (resets) =>
        resets.map((reset) =>
          new Intl.DateTimeFormat(
            undefined,
            new Date(reset).toDateString() === new Date().toDateString()
              ? { hour: '2-digit', minute: '2-digit' }
              : { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
          ).format(reset),
        ),
      [setAt + 20 * HOUR, setAt + 20 * HOUR + 1000],
    );
    expect(expected.some((when) => shown.startsWith(`Posting limit reached until ${when}.`))).toBe(true);
    expect(run.x.callsTo('POST /2/tweets')).toHaveLength(before + 1);
    expect(run.x.calls.at(-1)).toMatchObject({ endpoint: 'POST /2/tweets', status: 429 });

    // The draft is kept; posting it again is refused in the extension, before anything is sent.
    expect(await page.$eval('textarea', (element) => (element as HTMLTextAreaElement).value)).toBe(
      'Webinar recording is up',
    );
    // The alert is shown anew for the second attempt: count alerts added from now on.
    await page.evaluate(() => {
      const seen = window as unknown as { alertsShown: number };
      seen.alertsShown = 0;
      new MutationObserver((changes) => {
        for (const change of changes)
          for (const node of change.addedNodes)
            if (node instanceof HTMLElement && node.getAttribute('role') === 'alert') seen.alertsShown++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.locator('::-p-aria(Post)').click();
    await page.waitForFunction(() => (window as unknown as { alertsShown: number }).alertsShown > 0);
    expect(await text(page, '[role="alert"]')).toMatch(/^Posting limit reached until /);
    expect(run.x.callsTo('POST /2/tweets')).toHaveLength(before + 1);
    expect(samPostsWith('Webinar recording is up')).toHaveLength(0);
    await page.close();
  });
});
