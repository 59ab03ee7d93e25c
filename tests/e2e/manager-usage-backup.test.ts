import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueFrom } from './harness/worker-messages';
import { authorizeAndReadPin, launchWithX, signInThroughManager, type WithX } from './harness/x-emulator';

let run: WithX;
let page: Page;
let downloads: string;
let files: string;

const today = () => new Date().toISOString().slice(0, 10);
const LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
const CONTACT = 'https://crm.zoho.eu/crm/org20071234/tab/Contacts/5725767000000419001';

beforeAll(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'x-crm-downloads-'));
  files = await mkdtemp(join(tmpdir(), 'x-crm-imports-'));
  run = await launchWithX({ downloadsDir: downloads });
  await signInThroughManager(run);
  page = await run.browser.newPage();
  await page.goto(`chrome-extension://${run.extensionId}/options.html`);
  await page.waitForSelector('::-p-text(Sales team)');
});
afterAll(() => run?.close());

const aria = (name: string) => page.locator(`::-p-aria(${name})`);
const text = () => page.evaluate(() => document.body.textContent ?? '');

/** Chooses a file in the import input, as a user does through the file dialog. */
/** The backup section's code loads when the person opens it: open it unless it is. */
async function openBackup() {
  if (!(await page.$('input[type="file"]'))) await aria('Show Backup').click();
}

async function choose(name: string, content: string | Uint8Array) {
  await openBackup();
  const path = join(files, name);
  await writeFile(path, content);
  const input = (await page.waitForSelector('input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

async function downloaded(prefix: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        found = (await readdir(downloads)).find((f) => f.startsWith(prefix) && !f.endsWith('.crdownload'));
        return found;
      },
      { timeout: 10_000 },
    )
    .toBeTruthy();
  return readFile(join(downloads, found as string), 'utf8');
}

/** What the background stores, through the same export the page uses. */
const storedCount = async () => {
  const { text } = await valueFrom<{ text: string }>(page, 'backupExport', { format: 'json' });
  return (JSON.parse(text) as { associations: unknown[] }).associations.length;
};

describe('the integration manager: test, usage, rename, backup', () => {
  it('tests an account with a recent search as that account and shows the posts', async () => {
    await page.click('button[aria-label="Test @samrep_crm"]');
    await page.waitForSelector('::-p-text(Great call today with @maria_acme)');
    expect(await text()).toContain('The account works: the search “from:samrep_crm” found 1 recent post.');
    expect(run.x.callsTo('GET /2/tweets/search/recent').map((c) => c.status)).toEqual([200]);
  });

  it('draws today’s calls in the usage chart, with the figures in a table', async () => {
    // The test search found one post: billed as a post read and, for its author, a user read.
    await page.waitForSelector(`svg.chart g[data-day="${today()}"] rect.bar`);
    expect(await page.$eval(`svg.chart g[data-day="${today()}"]`, (g) => g.getAttribute('data-total'))).toBe(
      '2',
    );
    expect(await text()).toMatch(/Today \(UTC\): 2 billed items, \$0\.015/);
    await page.click('details.usage-figures summary, section.usage details summary');
    const cells = await page.$$eval('section.usage tbody tr:first-child td', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(cells).toEqual([today(), 'Sales team (@samrep_crm)', '2', '$0.015']);
  });

  it('saves a daily budget and refuses one out of range', async () => {
    const field = await page.waitForSelector('::-p-aria(Daily budget (US dollars))');
    await field?.click({ count: 3 });
    await field?.type('20000');
    await aria('Save budget').click();
    await page.waitForSelector('::-p-text(Enter an amount from 0 to 10,000)');
    await field?.click({ count: 3 });
    await field?.type('2.5');
    await aria('Save budget').click();
    await page.waitForSelector('::-p-text(The daily budget is $2.50.)');
    await page.reload();
    await page.waitForSelector('::-p-text(Today: $0.015 of $2.50.)');
  });

  it('renames an account from Edit', async () => {
    await page.click('button[aria-label="Edit @samrep_crm"]');
    const name = await page.waitForSelector('.edit-account input[name="name"]');
    await name?.click({ count: 3 });
    await name?.type('Field sales');
    await aria('Rename').click();
    await page.waitForSelector('::-p-text(Renamed to “Field sales”.)');
    expect(
      await page.$eval('section[aria-labelledby="accounts-heading"] tbody td', (td) => td.textContent),
    ).toBe('Field sales');
    await page.reload();
    await page.waitForSelector('::-p-text(Field sales)');
  });

  it('authorises the account again with a PIN from Edit, keeping its name and choices', async () => {
    await page.click('button[aria-label="Edit @samrep_crm"]');
    await aria('Sign in again with a PIN').click();
    const pin = await authorizeAndReadPin(run.browser);
    await page.bringToFront();
    const field = await page.waitForSelector('.edit-account input[name="pin"]');
    await field?.type(pin);
    await aria('Finish').click();
    await page.waitForSelector('::-p-text(@samrep_crm is authorised again.)');
    expect(
      await page.$eval('section[aria-labelledby="accounts-heading"] tbody td', (td) => td.textContent),
    ).toBe('Field sales');
    // OAuth 2.0 sign-in exists and the app has a Client ID: switching is offered, not faked.
    const oauth2 = await page.$eval(
      '.edit-account',
      (el) => [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('OAuth 2.0'))?.disabled,
    );
    expect(oauth2).toBe(false);
    await page.click('.edit-account button:last-of-type');
  });

  it('imports a CRM export: says the lookup cost first, then adds what X knows', async () => {
    await choose(
      'zoho-leads.csv',
      `\uFEFFFirst Name,Last Name,Record URL,Twitter\r\nMaria,Garcia,${LEAD},@maria_acme\r\nPriya,Raman,${CONTACT},https://x.com/priyaraman\r\n`,
    );
    await page.waitForSelector('::-p-text(Import of zoho-leads.csv)');
    expect(await text()).toContain(
      '2 handles have no X user id yet: importing looks them up at X as @samrep_crm in 1 call,',
    );
    expect(await storedCount()).toBe(0);
    await aria('Import').click();
    await page.waitForSelector('::-p-text(Imported zoho-leads.csv)');
    expect(await text()).toContain('2 associations added');
    expect(run.x.callsTo('GET /2/users/by').length).toBe(1);
    expect(await storedCount()).toBe(2);
  });

  it('exports JSON and CSV, and re-importing them changes nothing', async () => {
    await openBackup();
    await aria('Export JSON (associations and settings)').click();
    const json = await downloaded('x-for-crm-backup-');
    expect(JSON.parse(json)).toMatchObject({ format: 'x-for-crm-backup', settings: { dailyBudgetUsd: 2.5 } });
    expect(json).toContain('maria_acme');
    expect(json).not.toMatch(/token|secret/i);
    expect(json).not.toContain(run.x.app.consumerSecret);

    await aria('Export CSV (associations)').click();
    const csv = await downloaded('x-for-crm-associations-');
    expect(csv.split('\r\n')[0]).toBe(
      'crm,tenant,record_type,record_id,record_url,x_user_id,handle,source,created_at',
    );
    expect(csv).toContain('zoho,zoho.com,lead,4876876000000333001,,');

    for (const [name, content] of [
      ['backup.json', json],
      ['associations.csv', csv],
    ] as const) {
      await choose(name, content);
      await page.waitForSelector(`::-p-text(Import of ${name})`);
      expect(await text()).toContain('2 already as in the file');
      expect(await text()).toContain('Nothing in this file would change what is stored.');
      await aria('Cancel').click();
      await page.waitForSelector('::-p-text(Import cancelled: nothing was changed.)');
    }
  });

  it('shows a bad row’s refusal with its row number, and imports nothing when cancelled', async () => {
    const header = 'crm,tenant,record_type,record_id,record_url,x_user_id,handle,source,created_at';
    await choose(
      'bad.csv',
      [
        header,
        'zoho,org123456,lead,4876876000000333009,,1400000000000000009,new_person,search,',
        'sugarcrm,org1,lead,77,,123,someone,search,',
      ].join('\r\n'),
    );
    await page.waitForSelector('::-p-text(Import of bad.csv)');
    const refused = await page.$$eval('table.refused tbody tr', (rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(refused).toEqual([['3', 'Unknown CRM “sugarcrm”.']]);
    expect(await text()).toContain('1 association to add');
    await aria('Cancel').click();
    await page.waitForSelector('::-p-text(Import cancelled: nothing was changed.)');
    expect(await storedCount()).toBe(2);
  });

  it('imports what spreadsheets write: a sep=; first line, UTF-16 tab-separated text', async () => {
    const lead = (n: number) => `https://crm.zoho.com/crm/tab/Leads/487687600000033301${n}`;
    // Excel's delimiter line: it names the delimiter and is not a row.
    await choose(
      'excel-semicolons.csv',
      `sep=;\r\nRecord URL;Twitter;X user id\r\n${lead(2)};@new_person;1400000000000000009\r\n`,
    );
    await page.waitForSelector('::-p-text(Import of excel-semicolons.csv)');
    expect(await text()).toContain('1 association to add');
    expect(await text()).not.toContain('no record URL column');
    await aria('Import').click();
    await page.waitForSelector('::-p-text(Imported excel-semicolons.csv)');
    expect(await storedCount()).toBe(3);

    // Excel's "Unicode text": UTF-16LE with its byte-order mark, tabs between cells.
    const tsv = `Record URL\tTwitter\tX user id\r\n${lead(3)}\t@other_person\t1400000000000000010\r\n`;
    const bytes = new Uint8Array(2 + tsv.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < tsv.length; i++)
      bytes.set([tsv.charCodeAt(i) & 0xff, tsv.charCodeAt(i) >> 8], 2 + i * 2);
    await choose('unicode-text.txt', bytes);
    await page.waitForSelector('::-p-text(Import of unicode-text.txt)');
    expect(await text()).toContain('1 association to add');
    await aria('Import').click();
    await page.waitForSelector('::-p-text(Imported unicode-text.txt)');
    expect(await storedCount()).toBe(4);
  });

  it('passes axe with keys, an account, usage and a backup report shown, light and dark', async () => {
    await page.reload();
    await page.waitForSelector('svg.chart');
    await page.click('button[aria-label="Test @samrep_crm"]');
    await page.waitForSelector('::-p-text(Great call today)');
    await page.click('button[aria-label="Edit @samrep_crm"]');
    await choose('bad.csv', 'url,twitter\r\nhttps://example.com/x,@nobody\r\n');
    await page.waitForSelector('table.refused');
    // The page's CSP (script-src 'self') refuses an injected <script>, as it should; evaluating
    // the source over the DevTools protocol is not subject to it.
    await page.evaluate(await readFile(resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const result = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
        return axe.run();
      });
      if (result.violations.length > 0) console.error(scheme, JSON.stringify(result.violations, null, 2));
      expect(result.violations).toEqual([]);
    }
  });
});
