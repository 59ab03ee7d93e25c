import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAs } from '../fake-x/conversations';
import { serveCrmPages } from './harness/crm-pages';
import { panelFrame } from './harness/record-panel';
import { sendFrom } from './harness/worker-messages';
import { launchWithX, type WithX } from './harness/x-emulator';

const CONTACT_URL = 'https://crm.zoho.com/crm/org123456/tab/Contacts/4876876000000444001';
const MINUTE = 60_000;

let run: WithX;
let manager: Page;
let panel: Page;

/** A message from the manager page, as the manager sends it. */
const managerSend = (name: string, input: unknown) => sendFrom(manager, name, input);

const todayUsd = async () => ((await managerSend('usageReport', {})).value as { todayUsd: number }).todayUsd;
const MONEY = String.raw`\$(\d+\.\d+)`;
/** The Refresh button: the one the quote describes. */
const REFRESH = 'button[aria-describedby="social-quote"]';
const usd = (text: string, label: RegExp) => Number(label.exec(text)?.[1]);

beforeAll(async () => {
  run = await launchWithX();
  run.x.addRedirectUri(`https://${run.extensionId}.chromiumapp.org/`);
  manager = await run.browser.newPage();
  await manager.goto(`chrome-extension://${run.extensionId}/options.html`);
  const keys = await managerSend('keysSave', {
    consumerKey: run.x.app.consumerKey,
    consumerSecret: run.x.app.consumerSecret,
    clientId: run.x.app.clientId,
  });
  if (!keys.ok) throw new Error(`keysSave: ${JSON.stringify(keys)}`);
  // Sam signs in with X (OAuth 2.0), the sign-in X lets count posts.
  const signedIn = managerSend('accountAddOauth2', { name: 'Sales team' });
  const auth = await run.browser.waitForTarget(
    (t) => t.url().startsWith('https://x.com/i/oauth2/authorize'),
    {
      timeout: 10_000,
    },
  );
  await ((await auth.page()) as Page).click('#allow');
  const account = await signedIn;
  if (!account.ok) throw new Error(`accountAddOauth2: ${JSON.stringify(account)}`);
  // Maria Garcia is a contact, associated from the record's Twitter field when the rep opened it.
  const crm = await run.browser.newPage();
  await serveCrmPages(crm, [
    {
      url: CONTACT_URL,
      fixture: 'zoho/contact.html',
      edit: (html) => html.replace('@mariagarcia_ar', '@maria_acme'),
    },
  ]);
  await crm.goto(CONTACT_URL);
  await crm.locator('::-p-aria(Open X panel for Maria Garcia)').click();
  const frame = await panelFrame(crm);
  await frame.waitForSelector('::-p-text(Associated with @maria_acme from the CRM’s Twitter field.)');
  await crm.close();
  panel = await run.browser.newPage();
  await panel.goto(`chrome-extension://${run.extensionId}/sidepanel.html`);
});
afterAll(() => run?.close());

/** The quote as the rep reads it once the view has worked it out, with the Refresh button's label. */
async function quote() {
  await panel.reload();
  await panel.waitForFunction(() =>
    /costs? /.test(document.querySelector('#social-quote')?.textContent ?? ''),
  );
  const text = await panel.$eval('#social-quote', (p) => p.textContent ?? '');
  const button = await panel.$eval(REFRESH, (b) => b.textContent ?? '');
  return { text, button };
}

async function refresh() {
  await panel.locator(REFRESH).click();
  await panel.waitForFunction(() =>
    /This refresh cost/.test(document.querySelector('#social-outcome')?.textContent ?? ''),
  );
  return panel.$eval('#social-outcome', (p) => p.textContent ?? '');
}

describe('the price a refresh says before it runs, for an account X lets count', () => {
  it('reads what was already there, the meter within the range said', async () => {
    const before = await quote();
    const exact = usd(before.text, new RegExp(`costs ${MONEY}`));
    const most = /up to/.test(before.text) ? usd(before.text, new RegExp(`up to ${MONEY}`)) : exact;
    const spent = await todayUsd();
    await refresh();
    const recorded = (await todayUsd()) - spent;
    expect(recorded).toBeGreaterThanOrEqual(exact - 0.01);
    expect(recorded).toBeLessThanOrEqual(most + 1e-9);
  });

  it('says one exact price for mentions and news, and the meter records it within a cent', async () => {
    const x = run.x;
    x.clock.advance(MINUTE);
    postAs(x.state, { username: 'maria_acme', text: '@samrep_crm please send the RFP' }, x.clock.now());
    postAs(x.state, { username: 'seanoconnor', text: 'Hello @samrep_crm, are you hiring?' }, x.clock.now());
    postAs(
      x.state,
      { username: 'maria_acme', text: 'Acme closed its Series C funding today.' },
      x.clock.now(),
    );
    const before = await quote();
    expect(before.text).not.toContain('up to');
    const price = usd(before.text, new RegExp(`costs ${MONEY}`));
    expect(price).toBeGreaterThan(0);
    expect(before.button).toBe(`Refresh (${/costs (\$\d+\.\d+)/.exec(before.text)?.[1]})`);
    const spent = await todayUsd();
    const outcome = await refresh();
    const recorded = (await todayUsd()) - spent;
    // Within a cent is the promise; every part here is known before reading, so it is exact.
    expect(Math.abs(price - recorded)).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(recorded).toBeCloseTo(price, 6);
    expect(usd(outcome, new RegExp(`This refresh cost ${MONEY}`))).toBeCloseTo(recorded, 2);
  });

  it('prices a new post by a known person to the cent', async () => {
    run.x.clock.advance(MINUTE);
    postAs(run.x.state, { username: 'maria_acme', text: 'We are hiring two analysts.' }, run.x.clock.now());
    const before = await quote();
    expect(before.text).toContain('A refresh reads 1 new post and costs');
    const price = usd(before.text, new RegExp(`costs ${MONEY}`));
    const spent = await todayUsd();
    await refresh();
    expect((await todayUsd()) - spent).toBeCloseTo(price, 6);
  });

  it('reads a backlog page after page up to the cap it says first, and says what it left', async () => {
    for (let i = 0; i < 305; i++) {
      run.x.clock.advance(1000);
      postAs(run.x.state, { username: 'maria_acme', text: `Note ${i + 1} from the road` }, run.x.clock.now());
    }
    const before = await quote();
    expect(before.text).toContain('A refresh reads 300 new posts and costs');
    expect(before.text).toContain('5 more new posts are beyond the 300 a refresh reads from one source');
    const price = usd(before.text, new RegExp(`costs ${MONEY}`));
    const spent = await todayUsd();
    const outcome = await refresh();
    expect(outcome).toContain('300 new items.');
    expect(outcome).toContain('5 more new posts were left unread.');
    expect(Math.abs((await todayUsd()) - spent - price)).toBeLessThanOrEqual(0.01);
  });

  it('shows the scheduled refresh’s estimated daily cost in the manager as in the Social view', async () => {
    const schedule = await panel.waitForSelector('::-p-aria(Refresh on its own)');
    await schedule?.select('8');
    const daily = await panel.waitForSelector('::-p-text(Estimated cost per day at most)');
    const inView = usd((await daily?.evaluate((p) => p.textContent)) ?? '', new RegExp(`at most: ${MONEY}`));
    expect(inView).toBeGreaterThan(0);
    await manager.reload();
    const line = await manager.waitForSelector('::-p-text(refreshes on its own every 8 hours)');
    const text = (await line?.evaluate((p) => p.textContent)) ?? '';
    expect(text).toContain('counted against the daily budget');
    expect(usd(text, new RegExp(`at most ${MONEY} a day`))).toBe(inView);
    await schedule?.select('');
  });
});
