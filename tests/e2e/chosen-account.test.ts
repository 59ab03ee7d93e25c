import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from './harness/accounts';
import { sendFrom } from './harness/worker-messages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/**
 * Two X accounts; the person picks the second in the popup, and the admin disables it in the
 * manager meanwhile. The post is refused with the reason, never sent as the default account,
 * also when the outbox sends it again on its own once the network is back.
 */

let run: WithX;
let manager: Page;
let alexId: string;

const postsWith = (text: string) => [...run.x.state.posts.values()].filter((post) => post.text === text);

async function openPopup(): Promise<Page> {
  const page = await run.browser.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/popup.html`);
  await page.waitForSelector('::-p-aria(Drafts)');
  await page.locator('::-p-aria(New post)').click();
  await page.waitForSelector('::-p-aria(Posting as)');
  return page;
}

const setEnabled = (enabled: boolean) => sendFrom(manager, 'accountUpdate', { xUserId: alexId, enabled });

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
  await addAccount(run, manager, 'alexseller', 'Alex');
  alexId = run.x.state.userByUsername('alexseller')?.id ?? '';
});
afterAll(() => run?.close());

describe('a post as a chosen account that was disabled meanwhile', () => {
  it('is refused with the reason in the popup; nothing is posted as the default account', async () => {
    const popup = await openPopup();
    await popup.select('::-p-aria(Posting as)', alexId);
    const text = 'Pipeline review, from Alex';
    await popup.type('textarea', text);
    expect((await setEnabled(false)).ok).toBe(true);
    await popup.locator('::-p-aria(Post)').click();
    await popup.waitForSelector(
      '::-p-text(@alexseller is disabled in the integration manager, so nothing was sent.)',
    );
    expect(postsWith(text)).toEqual([]);
    expect(run.x.callsTo('POST /2/tweets')).toEqual([]);
    // What was typed is still there to send as another account.
    expect(await popup.$eval('textarea', (box) => (box as HTMLTextAreaElement).value)).toBe(text);
    await popup.close();
    await setEnabled(true);
  });

  it('waits in the outbox with the reason when the network comes back; sent as nobody else', async () => {
    const text = 'Queued as Alex before the network dropped';
    // Two: Chromium itself sends a POST again once when a reused connection closes unanswered.
    run.x.faults.dropNext('POST /2/tweets', 2);
    const popup = await openPopup();
    await popup.select('::-p-aria(Posting as)', alexId);
    await popup.type('textarea', text);
    await popup.locator('::-p-aria(Post)').click();
    await popup.waitForSelector('::-p-aria(Outbox)');
    await popup.close();
    run.x.faults.clear();
    expect((await setEnabled(false)).ok).toBe(true);

    // The browser says the network is back: the worker's own retry runs, with no page asking.
    const worker = await run.worker();
    await worker.evaluate('self.dispatchEvent(new Event("online"))');
    const lister = await run.browser.newPage();
    await lister.goto(`chrome-extension://${run.extensionId}/popup.html`);
    const reason = async () => {
      const listed = await sendFrom(lister, 'outboxList', {});
      return (listed.value as { text: string; lastError: string }[]).find((item) => item.text === text)
        ?.lastError;
    };
    await expect
      .poll(reason, { timeout: 10_000 })
      .toBe(
        '@alexseller is disabled in the integration manager, so nothing was sent. Enable it there, or choose another account.',
      );
    expect(postsWith(text)).toEqual([]);

    // Enabled again, the next retry sends it once, as Alex.
    expect((await setEnabled(true)).ok).toBe(true);
    await worker.evaluate('self.dispatchEvent(new Event("online"))');
    await expect.poll(() => postsWith(text).length, { timeout: 10_000 }).toBe(1);
    expect(postsWith(text)[0]?.authorId).toBe(alexId);
  });
});
