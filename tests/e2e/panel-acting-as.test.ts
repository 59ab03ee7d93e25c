import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from './harness/accounts';
import { serveCrmPages } from './harness/crm-pages';
import { waitForPanelName } from './harness/record-panel';
import { sendFrom } from './harness/worker-messages';
import { launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

/**
 * The account chosen in the panel ("Acting as") is the one X is read as and the one the
 * association records; and associating a person the panel was just shown asks X nothing more.
 */

const ZOHO_LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';

let run: WithX;
let manager: Page;
let alexId: string;

beforeAll(async () => {
  run = await launchWithX();
  await signInThroughManager(run);
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
  await addAccount(run, manager, 'alexseller', 'Alex');
  alexId = run.x.state.userByUsername('alexseller')?.id ?? '';
});
afterAll(() => run?.close());

describe('the panel acting as a chosen account', () => {
  it('searches, associates and reads posts as that account, asking X for the person once', async () => {
    const page = await run.browser.newPage();
    await serveCrmPages(page, [{ url: ZOHO_LEAD, fixture: 'zoho/lead.html' }]);
    await page.goto(ZOHO_LEAD);
    await page.locator('::-p-aria(Open X panel for Maria Garcia)').click();
    const panel = await waitForPanelName(page, 'Maria Garcia');
    await panel.waitForSelector('::-p-aria(People found on X)');
    const acting = await panel.waitForSelector('::-p-aria(Acting as)');
    await acting?.select(alexId);
    await panel.waitForSelector('::-p-aria(Associate @maria_acme with this record)');
    await panel.locator('::-p-aria(Associate @maria_acme with this record)').click();
    await panel.waitForSelector('::-p-text(Associated with @maria_acme.)');
    await panel.waitForSelector('ol.posts li');

    // The person shown by the search is the one associated: no lookup of them again.
    expect(run.x.callsTo('GET /2/users/:id')).toHaveLength(0);
    expect(run.x.callsTo('GET /2/users/:id/tweets').map((call) => call.account)).toEqual([alexId]);
    const backup = await sendFrom(manager, 'backupExport', { format: 'json' });
    const file = JSON.parse((backup.value as { text: string }).text) as {
      associations: { handle: string; byAccount: string | null }[];
    };
    expect(file.associations).toEqual([expect.objectContaining({ handle: 'maria_acme', byAccount: alexId })]);
    await page.close();
  });
});
