import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../fake-x';
import { serveCrmPages } from './harness/crm-pages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

const LEAD_URL = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const SAM = '1400000000000000000';

let run: WithX;
let page: Page;
let panel: Frame;
let downloads: string;
let maria: { id: string; handle: string };

beforeAll(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'x-crm-downloads-'));
  run = await launchWithX({ downloadsDir: downloads });
  await signInThroughManager(run);
  const user = run.x.state.userByUsername('maria_acme');
  if (!user) throw new Error('the emulator has no @maria_acme');
  maria = { id: user.id, handle: user.username };
  page = await run.browser.newPage();
  await serveCrmPages(page, [{ url: LEAD_URL, fixture: 'zoho/lead.html' }]);
  await page.goto(LEAD_URL);
  await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  await page.waitForFrame((f) => f.url().endsWith('/panel.html'));
  panel = page.frames().find((f) => f.url().endsWith('/panel.html')) as Frame;
  await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
  await panel.waitForSelector('ol.posts li');
});
afterAll(() => run?.close());

/** The element a selector finds inside another, or a failure naming what was missing. */
async function within(parent: { waitForSelector(s: string): Promise<unknown> }, selector: string) {
  const found = (await parent.waitForSelector(selector)) as import('puppeteer-core').ElementHandle | null;
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const firstPost = () =>
  [...run.x.state.posts.values()]
    .filter((p) => p.authorId === maria.id)
    .sort((a, b) => b.createdAt - a.createdAt)[0];

describe('acting on the associated person from the panel, seen at X', () => {
  it('follows, and unfollows', async () => {
    await panel.locator('::-p-aria(Follow)').click();
    await panel.waitForSelector('::-p-aria(Unfollow)');
    await expect.poll(() => run.x.state.follows.has(`${SAM}>${maria.id}`)).toBe(true);
    await panel.locator('::-p-aria(Unfollow)').click();
    await panel.waitForSelector('::-p-aria(Follow)');
    await expect.poll(() => run.x.state.follows.has(`${SAM}>${maria.id}`)).toBe(false);
  });

  it('likes and reposts the newest post', async () => {
    const post = firstPost();
    const item = await within(panel, 'ol.posts li');
    await (await within(item, '::-p-aria(Like)')).click();
    await within(item, '::-p-aria(Unlike)');
    await expect.poll(() => run.x.state.likes.has(`${SAM}:${post?.id}`)).toBe(true);
    await (await within(item, '::-p-aria(Repost)')).click();
    await within(item, '::-p-aria(Undo repost)');
    await expect.poll(() => run.x.state.retweets.has(`${SAM}:${post?.id}`)).toBe(true);
  });

  it('replies to a post from a composer that starts with the handle', async () => {
    const post = firstPost();
    const item = await within(panel, 'ol.posts li');
    await (await within(item, '::-p-aria(Reply)')).click();
    const box = await within(panel, '.panel-composer textarea');
    expect(await box.evaluate((t) => (t as HTMLTextAreaElement).value)).toBe(`@${maria.handle} `);
    await box.type('Loved the picker arm demo.');
    await panel.locator('.panel-composer ::-p-aria(Post)').click();
    await panel.waitForSelector('::-p-text(Posted.)');
    const reply = [...run.x.state.posts.values()].find(
      (p) => p.inReplyToPostId === post?.id && p.authorId === SAM,
    );
    expect(reply?.text).toBe(`@${maria.handle} Loved the picker arm demo.`);
  });

  it('mentions the person in a new post', async () => {
    await panel.locator('::-p-aria(Mention)').click();
    const box = await within(panel, '.panel-composer textarea');
    await box.type('see you at the expo');
    await panel.locator('.panel-composer ::-p-aria(Post)').click();
    const mine = () =>
      [...run.x.state.posts.values()]
        .filter((p) => p.authorId === SAM && !p.inReplyToPostId)
        .map((p) => p.text);
    await expect.poll(mine).toContain(`@${maria.handle} see you at the expo`);
    await panel.waitForSelector('.panel-composer', { hidden: true });
  });

  it('shows a followers page’s cost before loading it, then loads it', async () => {
    const before = run.x.callsTo('GET /2/users/:id/followers').length;
    const button = await within(panel, '::-p-text(Load Followers)');
    expect(await button.evaluate((b) => b.textContent)).toBe('Load Followers: 20 people, up to $0.20');
    expect(run.x.callsTo('GET /2/users/:id/followers').length).toBe(before);
    await button.click();
    await panel.waitForSelector('ul.people li');
    expect(run.x.callsTo('GET /2/users/:id/followers').length).toBe(before + 1);
  });

  it('saves the profile photo at original size as “<Full Name> (@handle).png”', async () => {
    await panel.locator('::-p-aria(Save profile photo)').click();
    await panel.waitForSelector('::-p-text(Saved to your downloads)');
    const expected = `Maria Garcia (@${maria.handle}).png`;
    await expect.poll(async () => readdir(downloads), { timeout: 10_000 }).toContain(expected);
    const image = await readFile(join(downloads, expected));
    expect(pngSize(image)).toEqual({ width: 400, height: 400 });
  });
});
