import { deleteDB } from 'idb';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/entrypoints/background/handlers';
import { withPolicy } from '@/entrypoints/background/policy-guard';
import { recordKey } from '@/lib/crm/record';
import type { HandlerContext } from '@/lib/messages/router';
import { putAccount } from '@/lib/store/accounts';
import { saveAppKeys } from '@/lib/store/app-keys';
import {
  BackupFileError,
  CSV_COLUMNS,
  exportCsv,
  exportJson,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_ROWS,
  planImport,
  storedAssociations,
  writeImport,
} from '@/lib/store/backup';
import { database, openDatabase } from '@/lib/store/db';
import type { Association } from '@/lib/store/schema';
import { DEFAULT_SETTINGS, readSettings } from '@/lib/store/settings';

/** The background's handlers as the router calls them, behind the policy guard. */
const maintenanceHandlers = withPolicy(handlers);

const NOW = Date.parse('2026-03-01T12:00:00Z');
const NAME = 'x-crm-backup-test';
let db: Awaited<ReturnType<typeof openDatabase>>;

const association = (id: string, extra: Partial<Association> = {}): Association => {
  const ref = { crm: 'zoho' as const, tenant: 'zoho.com', type: 'lead' as const, id };
  return {
    ...ref,
    key: recordKey(ref),
    xUserId: `9${id}`,
    handle: `p_${id.slice(-6)}`,
    source: 'search',
    createdAt: NOW - 1000,
    byAccount: '42',
    ...extra,
  };
};

const HEADER = CSV_COLUMNS.join(',');
const csvRow = (id: string, handle: string, extra = '') =>
  `zoho,zoho.com,lead,${id},,${extra || `9${id}`},${handle},search,2026-02-01T00:00:00.000Z`;

describe('the backup file formats', () => {
  beforeEach(async () => {
    db = await openDatabase(undefined, NAME);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(NAME);
  });

  it('exports CSV with the documented columns and reads it back as the same associations', async () => {
    const stored = [
      association('4876876000000333001'),
      association('4876876000000333002', { source: 'crm-field' }),
    ];
    const csv = exportCsv(stored);
    expect(csv.split('\r\n')[0]).toBe(
      'crm,tenant,record_type,record_id,record_url,x_user_id,handle,source,created_at',
    );
    const plan = planImport(csv, 'csv', NOW);
    expect(plan.refused).toEqual([]);
    // The CSV has no column for the acting account.
    expect(plan.rows.map((r) => r.association)).toEqual(stored.map((a) => ({ ...a, byAccount: null })));
  });

  it('exports JSON with settings and reads it back', () => {
    const settings = { ...DEFAULT_SETTINGS, dailyBudgetUsd: 2.5, disabledCrms: ['odoo' as const] };
    const json = exportJson([association('5000001')], settings, NOW);
    const plan = planImport(json, 'json', NOW);
    expect(plan.settings).toEqual(settings);
    expect(plan.rows.map((r) => r.association)).toEqual([association('5000001')]);
  });

  it('refuses malformed CSV and JSON as a whole, saying where', () => {
    expect(() => planImport(`${HEADER}\n${csvRow('5000001', 'a')}\nzoho,"open`, 'csv', NOW)).toThrow(
      /line 3/,
    );
    expect(() => planImport('{"format": "x-for-crm-backup", ', 'json', NOW)).toThrow(BackupFileError);
    expect(() => planImport('{"hello": 1}', 'json', NOW)).toThrow(/not a backup/);
    expect(() => planImport('name,email\nAda,ada@example.com', 'csv', NOW)).toThrow(/no record URL column/);
    expect(() => planImport('', 'csv', NOW)).toThrow(/empty/);
  });

  it('refuses bad rows one by one with their row number and reason, and keeps the rest', () => {
    const csv = [
      HEADER,
      csvRow('5000001', 'good_one'), // row 2
      'sugarcrm,org1,lead,77,,123,somebody,search,', // row 3: unknown CRM
      csvRow('5000003', 'not a handle!'), // row 4
      csvRow('5000004', 'ok', '12ab'), // row 5: bad id
      'zoho,org123456,deal,5000005,,1,ok,search,', // row 6: bad type
      csvRow('5000001', 'other_person'), // row 7: same record as row 2
      'zoho,org123456,lead,5000008,,1,ok,search,yesterday', // row 8: bad date
    ].join('\r\n');
    const plan = planImport(csv, 'csv', NOW);
    expect(plan.total).toBe(7);
    expect(plan.rows.map((r) => r.row)).toEqual([2]);
    expect(plan.refused).toEqual([
      { row: 3, reason: 'Unknown CRM “sugarcrm”.' },
      { row: 4, reason: 'Not an X handle: “not a handle!”.' },
      { row: 5, reason: 'Not an X user id: “12ab”.' },
      { row: 6, reason: 'Unknown record type “deal” (lead, contact or company).' },
      { row: 7, reason: 'The same record as row 2, which is imported instead.' },
      { row: 8, reason: 'Not a date: “yesterday”.' },
    ]);
  });

  it('reads a CRM export: record URL and Twitter columns by any usual name, handles to look up', () => {
    const csv = [
      '\uFEFFFirst Name,Last Name,Record URL,Twitter Handle',
      'Maria,Garcia,https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001,@maria_acme',
      'Priya,Raman,https://crm.zoho.eu/crm/org20071234/tab/Contacts/5725767000000419001,https://x.com/priyaraman',
      'No,Twitter,https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333003,',
      'Not,Crm,https://example.com/lead/1,someone',
      'Bad,Handle,https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333005,x.com/home',
    ].join('\n');
    const plan = planImport(csv, 'csv', NOW);
    expect(plan.rows.map((r) => [r.row, r.association.key, r.association.handle, r.needsLookup])).toEqual([
      [2, 'zoho/zoho.com/lead/4876876000000333001', 'maria_acme', true],
      [3, 'zoho/zoho.eu/contact/5725767000000419001', 'priyaraman', true],
    ]);
    expect(plan.rows[0]?.association).toMatchObject({ xUserId: '', source: 'import', createdAt: NOW });
    expect(plan.refused.map((r) => r.row)).toEqual([4, 5, 6]);
    expect(plan.refused[1]?.reason).toMatch(/^Not a record page of a supported CRM/);
    expect(plan.refused[2]?.reason).toBe('Not an X handle: “x.com/home”.');
    // Other spellings of the columns.
    const other = planImport(
      'url,twitter\nhttps://crm.zoho.com/crm/tab/Leads/4876876000000333001,jack',
      'csv',
      NOW,
    );
    expect(other.rows[0]?.association).toMatchObject({ tenant: 'zoho.com', handle: 'jack' });
    // A backup made by an earlier version keyed Zoho records by org or host: today's key.
    const earlier = planImport(
      [
        HEADER,
        'zoho,org123456,lead,4876876000000333001,,1,a,search,',
        'zoho,crm.zoho.eu,lead,57,,2,b,search,',
      ].join('\n'),
      'csv',
      NOW,
    );
    expect(earlier.rows.map((r) => r.association.key)).toEqual([
      'zoho/zoho.com/lead/4876876000000333001',
      'zoho/zoho.eu/lead/57',
    ]);
  });

  it('refuses bad JSON entries and bad settings without refusing the file', () => {
    const json = JSON.stringify({
      format: 'x-for-crm-backup',
      version: 1,
      settings: {
        disabledCrms: ['nope'],
        postsFreshMinutes: 15,
        profileFreshHours: 24,
        dailyBudgetUsd: null,
      },
      associations: [
        {
          crm: 'zoho',
          tenant: 'org1',
          type: 'lead',
          id: '1',
          xUserId: '5',
          handle: 'ok',
          source: 'search',
          createdAt: 1,
        },
        { crm: 'zoho', tenant: 'org1', type: 'lead', id: '2', xUserId: '6', handle: '', createdAt: 1 },
        'not an object',
        { crm: 'zoho', tenant: 'org1', type: 'lead', id: '1', xUserId: '5', handle: 'ok', createdAt: 1 },
      ],
    });
    const plan = planImport(json, 'json', NOW);
    expect(plan.rows.map((r) => r.row)).toEqual([1]);
    expect(plan.refused.map((r) => [r.row, r.reason])).toEqual([
      [2, 'No X handle in this row.'],
      [3, 'No record: give its URL, or crm, tenant, record_type and record_id.'],
      [4, 'The same record as row 1, which is imported instead.'],
    ]);
    expect(plan.settings).toBeNull();
    expect(plan.settingsRefused).toBeTruthy();
  });

  it('writes added and changed rows in one transaction, leaves unchanged ones, and writes nothing on failure', async () => {
    await db.put('associations', association('1000001'));
    await db.put('associations', association('1000002'));
    const csv = [
      HEADER,
      csvRow('1000001', 'p_000001'),
      csvRow('1000002', 'renamed'),
      csvRow('1000003', 'new_one'),
    ].join('\n');
    const plan = planImport(csv, 'csv', NOW);
    const result = await writeImport(db, plan.rows);
    expect([result.added.length, result.changed.length, result.unchanged.length]).toEqual([1, 1, 1]);
    expect((await storedAssociations(db)).get('zoho/zoho.com/lead/1000002')?.handle).toBe('renamed');

    // A row the store refuses (no key path value) makes the whole transaction abort.
    const before = await db.count('associations');
    const broken = planImport(
      [HEADER, csvRow('1000004', 'a'), csvRow('1000005', 'b')].join('\n'),
      'csv',
      NOW,
    ).rows;
    const second = broken[1];
    if (second) (second.association as Partial<Association>).key = undefined;
    await expect(writeImport(db, broken)).rejects.toBeTruthy();
    expect(await db.count('associations')).toBe(before);
  });

  it('validates and writes 10,000 rows quickly', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => csvRow(String(3_000_000_000 + i), `p${i}`));
    const csv = [HEADER, ...rows].join('\r\n');
    const started = performance.now();
    const plan = planImport(csv, 'csv', NOW);
    const planned = performance.now();
    const result = await writeImport(db, plan.rows);
    const written = performance.now();
    console.info(
      `10,000-row CSV: parse and validate ${Math.round(planned - started)} ms, one-transaction write ${Math.round(written - planned)} ms (fake-indexeddb)`,
    );
    expect(plan.refused).toEqual([]);
    expect(result.added).toHaveLength(10_000);
    expect(await db.count('associations')).toBe(10_000);
    expect(planned - started).toBeLessThan(2_000);
    expect(written - started).toBeLessThan(10_000);
    // The limits above are the measure; the runner's own 5 s default would undercut them.
  }, 15_000);
});

describe('CSV dialects that CRM exports and spreadsheets write', () => {
  const LEAD = 'https://crm.zoho.com/crm/org123456/tab/Leads/4876876000000333001';
  const keysOf = (csv: string) => {
    const plan = planImport(csv, 'csv', NOW);
    expect(plan.refused).toEqual([]);
    return plan.rows.map((r) => [r.association.key, r.association.handle]);
  };
  const maria = [['zoho/zoho.com/lead/4876876000000333001', 'maria_acme']];

  it("imports the one row of a file whose first line is Excel's sep=;", () => {
    expect(keysOf(`sep=;\r\nRecord URL;Twitter\r\n${LEAD};@maria_acme\r\n`)).toEqual(maria);
  });

  it.each([
    ['a UTF-8 byte-order mark', `\uFEFFrecord_url,handle\n${LEAD},maria_acme`],
    ['a byte-order mark before sep=', `\uFEFFsep=,\nrecord_url,handle\n${LEAD},maria_acme`],
    ['semicolons', `Record URL;Twitter\n"${LEAD}";"@maria_acme"`],
    ['tabs', `Record URL\tTwitter\r\n${LEAD}\t@maria_acme\r\n`],
    [
      'a note with line breaks inside quotes',
      `Notes,URL,Twitter\n"Met at the fair,\r\nfollow up",${LEAD},maria_acme`,
    ],
    ["HubSpot's Twitter Username", `Record URL,Twitter Username\n${LEAD},maria_acme`],
    ['a Salesforce custom field by API name', `Record URL,Twitter__c\n${LEAD},https://x.com/maria_acme`],
    ['an X (Twitter) column', `Link,X (Twitter)\n${LEAD},@maria_acme`],
  ])('reads %s', (_dialect, csv) => {
    expect(keysOf(csv)).toEqual(maria);
  });

  it("reads record ids from CRM export columns that say the record type, in the key's one form", () => {
    expect(
      keysOf(
        [
          'crm,tenant,(Do Not Modify) Lead,Twitter',
          'dynamics,contoso.crm14.dynamics.com,{5A8F3C21-7D4E-4B9A-8C1F-2E3D4A5B6C7D},@nora_l',
        ].join('\n'),
      ),
    ).toEqual([['dynamics/contoso.crm14.dynamics.com/lead/5a8f3c21-7d4e-4b9a-8c1f-2e3d4a5b6c7d', 'nora_l']]);
    expect(
      keysOf(
        ['crm,tenant,Lead ID,Twitter', 'salesforce,acme.my.salesforce.com,00Q5g00000AbCdE,@jose'].join('\n'),
      ),
    ).toEqual([['salesforce/acme.my.salesforce.com/lead/00Q5g00000AbCdEEAV', 'jose']]);
    expect(
      keysOf(['crm;tenant;Person - ID;X handle', 'pipedrive;acmerobotics;1042;@lars'].join('\n')),
    ).toEqual([['pipedrive/acmerobotics/contact/1042', 'lars']]);
  });
});

describe('an import bounded before it is parsed', () => {
  const LEAD = 'https://crm.zoho.com/crm/tab/Leads/';

  afterEach(() => vi.restoreAllMocks());

  it('refuses text over the size limit before any parsing, and says so', () => {
    const parse = vi.spyOn(Papa, 'parse');
    const huge = `record_url,handle\n${`${LEAD}4876876000000333001,maria\n`.repeat(
      Math.ceil(MAX_IMPORT_CHARS / 60) + 1,
    )}`;
    expect(huge.length).toBeGreaterThan(MAX_IMPORT_CHARS);
    expect(() => planImport(huge, 'csv', NOW)).toThrow('The file is larger than 20 MB.');
    expect(parse).not.toHaveBeenCalled();
  });

  it('stops parsing a 20 MB file at the row cap, refusing it whole with bounded memory', () => {
    const row = `${LEAD}4876876000000333001,m\n`;
    const text = `record_url,handle\n${row.repeat(Math.floor((20_000_000 - 20) / row.length))}`;
    expect(text.length).toBeGreaterThan(19_900_000);
    expect(text.length).toBeLessThanOrEqual(MAX_IMPORT_CHARS);
    const totalRows = text.split('\n').length - 2;
    expect(totalRows).toBeGreaterThan(MAX_IMPORT_ROWS * 3);

    let rowsParsed = 0;
    const parse = Papa.parse.bind(Papa);
    vi.spyOn(Papa, 'parse').mockImplementation(((input: string, config: Papa.ParseConfig<string[]>) =>
      parse(input, {
        ...config,
        step(result: Papa.ParseStepResult<string[]>, parser: Papa.Parser) {
          rowsParsed++;
          config.step?.(result, parser);
        },
      } as never)) as never);
    const heapBefore = process.memoryUsage().heapUsed;
    expect(() => planImport(text, 'csv', NOW)).toThrow(
      `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows.`,
    );
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    console.info(
      `20 MB CSV of ${totalRows} rows: refused after parsing ${rowsParsed} records, heap grew ${Math.round(heapGrowth / 1e6)} MB`,
    );
    // The header, the rows allowed, and the one row that proved the file too long.
    expect(rowsParsed).toBe(MAX_IMPORT_ROWS + 2);
    expect(heapGrowth).toBeLessThan(400_000_000);
  });
});

describe('the backup through the background handlers', () => {
  const context = { from: 'options', tabId: undefined, sender: {} } as HandlerContext;
  const SECRETS = {
    consumerSecret: 'CONSUMER-SECRET-f00d',
    consumerKey: 'CONSUMER-KEY-beef',
    token: 'ACCESS-TOKEN-1234',
    tokenSecret: 'TOKEN-SECRET-5678',
    accessToken: 'OAUTH2-ACCESS-abcd',
    refreshToken: 'OAUTH2-REFRESH-ef01',
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    const shared = await database();
    await saveAppKeys(shared, {
      consumerKey: SECRETS.consumerKey,
      consumerSecret: SECRETS.consumerSecret,
      clientId: 'client-id',
      verifiedAt: 1,
    });
    const base = { avatarUrl: '', enabled: true, isDefault: false, needsSignIn: false };
    await putAccount(shared, {
      ...base,
      xUserId: '42',
      name: 'Sales team',
      handle: 'samrep_crm',
      authKind: 'oauth1',
      oauth1: { token: SECRETS.token, tokenSecret: SECRETS.tokenSecret },
    });
    await putAccount(shared, {
      ...base,
      xUserId: '43',
      name: 'Second',
      handle: 'alexseller',
      authKind: 'oauth2',
      oauth2: {
        accessToken: SECRETS.accessToken,
        refreshToken: SECRETS.refreshToken,
        expiresAt: 1,
        scope: 'x',
      },
    });
    await shared.put('associations', association('4876876000000333001', { byAccount: '42' }));
  });
  afterEach(async () => {
    const shared = await database();
    for (const store of ['associations', 'accounts', 'appKeys', 'usage'] as const) await shared.clear(store);
  });

  it('exports no key, token or secret in the JSON or the CSV', async () => {
    for (const format of ['json', 'csv'] as const) {
      const file = await maintenanceHandlers.backupExport({ format }, context);
      expect(file.text).toContain('p_333001');
      for (const secret of Object.values(SECRETS)) expect(file.text).not.toContain(secret);
      expect(file.text).not.toMatch(/token|secret|oauth/i);
    }
  });

  it('previews without writing, and a re-import of the export changes nothing', async () => {
    const exported = await maintenanceHandlers.backupExport({ format: 'json' }, context);
    await (await database()).clear('associations');
    const preview = await maintenanceHandlers.backupImport(
      { format: 'json', text: exported.text, apply: false },
      context,
    );
    expect(preview).toMatchObject({ applied: false, added: 1, changed: 0, refusedCount: 0 });
    expect(await (await database()).count('associations')).toBe(0);
    const applied = await maintenanceHandlers.backupImport(
      { format: 'json', text: exported.text, apply: true },
      context,
    );
    expect(applied).toMatchObject({ applied: true, added: 1 });
    const again = await maintenanceHandlers.backupImport(
      { format: 'json', text: exported.text, apply: true },
      context,
    );
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 1, settings: 'unchanged' });
  });

  it('saves the daily budget and reports 30 UTC days ending today', async () => {
    const report = await maintenanceHandlers.budgetSave({ dailyBudgetUsd: 3 }, context);
    expect(report.budgetUsd).toBe(3);
    expect((await readSettings(await database())).dailyBudgetUsd).toBe(3);
    expect(report.days).toHaveLength(30);
    expect(report.days.at(-1)).toBe(new Date().toISOString().slice(0, 10));
    expect(report.accounts.map((a) => a.name).sort()).toEqual(['Sales team', 'Second']);
    expect((await maintenanceHandlers.budgetSave({ dailyBudgetUsd: null }, context)).budgetUsd).toBeNull();
  });
});
