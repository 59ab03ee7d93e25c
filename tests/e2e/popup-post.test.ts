import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const SAM = '1400000000000000000';

let run: WithX;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
});
afterAll(() => run?.close());

/**
 * Opens the toolbar popup's page in a tab, as the toolbar button would, and waits for its
 * composer; `fresh` starts a new post instead of continuing the latest draft.
 */
async function openPopup(fresh = true): Promise<Page> {
  const page = await run.browser.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/popup.html`);
  await page.waitForSelector('textarea');
  await page.waitForSelector('::-p-aria(Drafts)');
  if (fresh) {
    await page.locator('::-p-aria(New post)').click();
    await expect.poll(() => box(page)).toBe('');
  }
  return page;
}

const box = (page: Page) => page.$eval('textarea', (element) => (element as HTMLTextAreaElement).value);
const samPostsWith = (text: string) =>
  [...run.x.state.posts.values()].filter((post) => post.authorId === SAM && post.text === text);

describe('the popup composer, posting to X', () => {
  it('posts as the default account and links to the post on X', async () => {
    const page = await openPopup();
    await page.waitForSelector('::-p-aria(Posting as)');
    expect(
      await page.$eval('select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).toContain('@samrep_crm');
    await page.type('textarea', 'Shipping the CRM integration today');
    await page.locator('::-p-aria(Post)').click();
    await page.waitForSelector('::-p-text(Posted.)');
    const [post] = samPostsWith('Shipping the CRM integration today');
    expect(post).toBeDefined();
    const link = await page.$eval('::-p-text(View the post on X)', (a) => (a as HTMLAnchorElement).href);
    expect(link).toBe(`https://x.com/samrep_crm/status/${post?.id}`);
    // The draft went with the post: the composer starts empty and the list does not hold it.
    expect(await box(page)).toBe('');
    expect(await page.$$eval('.draft-text', (items) => items.map((i) => i.textContent))).not.toContain(
      'Shipping the CRM integration today',
    );
    await page.close();
  });

  it('keeps what was typed when the popup closes mid-draft, and opens on it again', async () => {
    const page = await openPopup();
    await page.type('textarea', 'Half a thought about the Q3 pipeline');
    await page.close({ runBeforeUnload: true });
    const again = await openPopup(false);
    await expect.poll(() => box(again)).toBe('Half a thought about the Q3 pipeline');
    await again.close();
  });

  it('puts a post whose connection dropped in the outbox with why, and a retry sends it exactly once', async () => {
    const text = 'Demo day recap, three new leads';
    // Two: Chromium itself sends a POST again once when a reused connection closes unanswered.
    run.x.faults.dropNext('POST /2/tweets', 2);
    const page = await openPopup();
    await page.type('textarea', text);
    await page.locator('::-p-aria(Post)').click();
    await page.waitForSelector('::-p-aria(Outbox)');
    const reason = await page.$eval('.outbox-reason', (p) => p.textContent ?? '');
    expect(reason).toContain('X cannot be reached');
    expect(samPostsWith(text)).toHaveLength(0);
    // It left the drafts: it is in exactly one place.
    expect(await page.$$eval('.draft-text', (items) => items.map((i) => i.textContent))).not.toContain(text);

    run.x.faults.clear();
    const checksBefore = run.x.callsTo('GET /2/users/:id/tweets').length;
    await page.locator(`::-p-aria(Retry sending: ${text})`).click();
    await page.waitForSelector('::-p-text(Posted.)');
    await page.waitForSelector('.outbox', { hidden: true });
    expect(samPostsWith(text)).toHaveLength(1);
    // X was asked for the account's latest posts before the post was sent again.
    expect(run.x.callsTo('GET /2/users/:id/tweets').length).toBe(checksBefore + 1);
    await page.close();
  });

  it('does not post again when X made the post but the answer was lost (X 503 after the fact)', async () => {
    const text = 'Answer lost on the way back';
    run.x.faults.failNext('POST /2/tweets', 503, 1);
    const page = await openPopup();
    await page.type('textarea', text);
    await page.locator('::-p-aria(Post)').click();
    await page.waitForSelector('::-p-aria(Outbox)');
    // X did make it after all (as if the 503 came from a proxy after X answered).
    run.x.state.createPost({ authorId: SAM, text, at: run.x.clock.now() });
    const postsBefore = run.x.callsTo('POST /2/tweets').length;
    await page.locator(`::-p-aria(Retry sending: ${text})`).click();
    await page.waitForSelector('::-p-text(X already had this post, so it was not sent again.)');
    expect(run.x.callsTo('POST /2/tweets').length).toBe(postsBefore);
    expect(samPostsWith(text)).toHaveLength(1);
    await page.close();
  });

  it('keeps a post X refuses as a draft, with X’s reason', async () => {
    const page = await openPopup();
    run.x.faults.failNext('POST /2/tweets', 400, 1, {
      title: 'Invalid Request',
      detail: 'Your post could not be accepted.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
      status: 400,
    });
    await page.type('textarea', 'Refused words');
    await page.locator('::-p-aria(Post)').click();
    await page.waitForSelector('::-p-text(The post is kept in your drafts.)');
    await page.waitForSelector('::-p-text(X refused it: X refused this: Your post could not be accepted.)');
    expect(await box(page)).toBe('Refused words');
    await page.close();
  });
});
