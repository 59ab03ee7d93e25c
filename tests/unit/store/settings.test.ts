import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '@/entrypoints/background/handlers';
import { withPolicy } from '@/entrypoints/background/policy-guard';
import type { UserRule } from '@/lib/crm/user-rules';
import { iconLabelFor, readPageStrings } from '@/lib/messages/page-strings';
import type { HandlerContext } from '@/lib/messages/router';
import { database, openDatabase } from '@/lib/store/db';
import {
  DEFAULT_DAILY_BUDGET_USD,
  DEFAULT_SETTINGS,
  readSettings,
  saveSettings,
  updateSettings,
} from '@/lib/store/settings';
import { adoptLegacySettings } from '@/lib/store/settings-upgrade';
import { listUserRules } from '@/lib/store/user-rules';

/** The background's handlers as the router calls them, behind the policy guard. */
const maintenanceHandlers = withPolicy(handlers);
const settingsHandlers = maintenanceHandlers;

const NAME = 'x-crm-settings-test';
let db: Awaited<ReturnType<typeof openDatabase>>;

const rule: UserRule = {
  id: 'b7e1c2d0-1111-4222-8333-944455556666',
  name: 'Example CRM contacts',
  matches: 'https://crm.example-crm.com/*',
  pathKind: 'pattern',
  path: '/app/contacts/:id',
  type: 'contact',
  fields: { name: { by: 'selector', value: 'h1' } },
};

/** What a CRM page can write, through its content script, into storage.local. */
const hostileLocal = {
  settings: {
    disabledCrms: ['zoho', 'hubspot'],
    postsFreshMinutes: 0,
    profileFreshHours: 0,
    dailyBudgetUsd: null,
  },
  userRules: [{ ...rule, id: 'planted', matches: 'https://*.example-bank.com/*' }],
};

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDatabase(undefined, NAME);
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

describe('the settings', () => {
  it('start with a daily budget on a fresh install', async () => {
    expect(DEFAULT_DAILY_BUDGET_USD).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_DAILY_BUDGET_USD).toBeLessThanOrEqual(10);
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, dailyBudgetUsd: DEFAULT_DAILY_BUDGET_USD });
  });

  it('are not what storage.local holds, whatever a page wrote there', async () => {
    await fakeBrowser.storage.local.set(hostileLocal);
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await listUserRules(db)).toEqual([]);
  });

  it('refuse windows under a minute or an hour, and a budget out of bounds, writing nothing', async () => {
    for (const change of [
      { postsFreshMinutes: 0 },
      { profileFreshHours: 0 },
      { postsFreshMinutes: 1.5 },
      { dailyBudgetUsd: -1 },
      { dailyBudgetUsd: 10_001 },
      { disabledCrms: ['nope'] },
    ]) {
      await expect(updateSettings(db, change as never), JSON.stringify(change)).rejects.toThrow();
    }
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('fall back field by field when a stored row is damaged', async () => {
    await saveSettings(db, { ...DEFAULT_SETTINGS, postsFreshMinutes: 30, disabledCrms: ['odoo'] });
    await db.put(
      'settings',
      { postsFreshMinutes: 30, profileFreshHours: -5, disabledCrms: 'odoo' },
      'preferences',
    );
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, postsFreshMinutes: 30 });
  });
});

describe('settings of an earlier version in storage.local', () => {
  it('move into the database once, checked, with a budget where there was none, and leave storage.local', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        disabledCrms: ['odoo', 'nope'],
        postsFreshMinutes: 30,
        profileFreshHours: 0,
        dailyBudgetUsd: null,
      },
      userRules: [rule, { ...rule, id: 'broken', path: '(' }],
    });
    await adoptLegacySettings(db, fakeBrowser.storage.local);
    expect(await readSettings(db)).toEqual({
      disabledCrms: ['odoo'],
      postsFreshMinutes: 30,
      profileFreshHours: DEFAULT_SETTINGS.profileFreshHours,
      dailyBudgetUsd: DEFAULT_DAILY_BUDGET_USD,
    });
    expect(await listUserRules(db)).toEqual([rule]);
    expect(await fakeBrowser.storage.local.get(['settings', 'userRules'])).toEqual({});

    // A page that writes them again later changes nothing: they are never read there again.
    await fakeBrowser.storage.local.set(hostileLocal);
    await adoptLegacySettings(db, fakeBrowser.storage.local);
    expect((await readSettings(db)).postsFreshMinutes).toBe(30);
    expect(await listUserRules(db)).toEqual([rule]);
  });

  it('give a fresh install the defaults, so a later page write is never taken for them', async () => {
    await adoptLegacySettings(db, fakeBrowser.storage.local);
    await fakeBrowser.storage.local.set(hostileLocal);
    await adoptLegacySettings(db, fakeBrowser.storage.local);
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await listUserRules(db)).toEqual([]);
  });
});

describe('the worker’s settings messages', () => {
  const options = { from: 'options', tabId: undefined, sender: {} } as unknown as HandlerContext;
  const content = (url: string) =>
    ({ from: 'content', tabId: 7, sender: { url, tab: { id: 7 } } }) as unknown as HandlerContext;
  afterEach(async () => {
    await (await database()).clear('settings');
  });

  it('save the manager’s switched-off CRMs and freshness windows, keeping the budget', async () => {
    await settingsHandlers.settingsSave(
      { disabledCrms: ['odoo'], postsFreshMinutes: 5, profileFreshHours: 2 },
      options,
    );
    expect(await readSettings(await database())).toEqual({
      disabledCrms: ['odoo'],
      postsFreshMinutes: 5,
      profileFreshHours: 2,
      dailyBudgetUsd: DEFAULT_DAILY_BUDGET_USD,
    });
    expect(await settingsHandlers.settingsRead({}, options)).toMatchObject({
      disabledCrms: ['odoo'],
      locked: false,
    });
  });

  it('refuse a change when the organisation locks the settings', async () => {
    await fakeBrowser.storage.managed.set({ lockSettings: true });
    await expect(
      settingsHandlers.settingsSave(
        { disabledCrms: ['zoho'], postsFreshMinutes: 5, profileFreshHours: 2 },
        options,
      ),
    ).rejects.toMatchObject({ code: 'policy-locked' });
    expect(await readSettings(await database())).toEqual(DEFAULT_SETTINGS);
  });

  it('give a content script the switched-off CRMs and only its own host’s rules', async () => {
    const other = { ...rule, id: 'other', matches: 'https://crm.elsewhere.com/*' };
    await settingsHandlers.ruleSave(rule, options);
    await settingsHandlers.ruleSave(other, options);
    await settingsHandlers.settingsSave(
      { disabledCrms: ['odoo'], postsFreshMinutes: 15, profileFreshHours: 24 },
      options,
    );
    expect(
      await settingsHandlers.pageSettings({}, content('https://crm.example-crm.com/app/contacts/1')),
    ).toEqual({
      disabledCrms: ['odoo'],
      rules: [rule],
      strings: readPageStrings(),
    });
    expect(
      await settingsHandlers.pageSettings({}, content('https://crm.zoho.com/crm/org1/tab/Leads/1')),
    ).toEqual({
      disabledCrms: ['odoo'],
      rules: [],
      strings: readPageStrings(),
    });
    expect(await settingsHandlers.ruleDelete({ id: 'other' }, options)).toEqual([rule]);
  });

  it('give a content script the CRMs the organisation does not allow as switched off', async () => {
    await settingsHandlers.settingsSave(
      { disabledCrms: ['odoo'], postsFreshMinutes: 15, profileFreshHours: 24 },
      options,
    );
    await fakeBrowser.storage.managed.set({ allowedCrms: ['zoho', 'odoo', 'custom'] });
    try {
      const { disabledCrms } = await settingsHandlers.pageSettings(
        {},
        content('https://crm.zoho.com/crm/org1/tab/Leads/1'),
      );
      expect([...disabledCrms].sort()).toEqual(['dynamics', 'hubspot', 'odoo', 'pipedrive', 'salesforce']);
    } finally {
      await fakeBrowser.storage.managed.clear();
    }
  });

  it('give a content script the icon’s and panel’s names in the UI language, a record’s name filled in as written', () => {
    const strings = readPageStrings();
    expect(iconLabelFor(strings, 'Ada Lovelace')).toBe('Open X panel for Ada Lovelace');
    // Names are the page's text: characters that mean something to a replace() stay as they are.
    expect(iconLabelFor(strings, 'Chris $1 & $& O’Neil')).toBe('Open X panel for Chris $1 & $& O’Neil');
    expect(iconLabelFor(strings, '')).toBe('Open X panel for this record');
    expect(strings.panelTitle).toBe('X panel');
  });
});

describe('the daily budget and the organisation’s policy', () => {
  const options = { from: 'options', tabId: undefined, sender: {} } as unknown as HandlerContext;
  afterEach(async () => {
    await (await database()).clear('settings');
  });

  it('is the default until someone sets another', async () => {
    const report = await maintenanceHandlers.usageReport({}, options);
    expect(report).toMatchObject({ budgetUsd: DEFAULT_DAILY_BUDGET_USD, budgetFromPolicy: false });
  });

  it('can be lowered or raised by policy, and is then read-only in the manager', async () => {
    for (const dailyBudgetUsd of [0.5, 250]) {
      await fakeBrowser.storage.managed.set({ dailyBudgetUsd });
      expect(await maintenanceHandlers.usageReport({}, options)).toMatchObject({
        budgetUsd: dailyBudgetUsd,
        budgetFromPolicy: true,
      });
      await expect(maintenanceHandlers.budgetSave({ dailyBudgetUsd: null }, options)).rejects.toMatchObject({
        code: 'policy-locked',
      });
    }
  });

  it('is locked at the default when policy locks the settings', async () => {
    await fakeBrowser.storage.managed.set({ lockSettings: true });
    expect(await maintenanceHandlers.usageReport({}, options)).toMatchObject({
      budgetUsd: DEFAULT_DAILY_BUDGET_USD,
      budgetFromPolicy: true,
    });
    await expect(maintenanceHandlers.budgetSave({ dailyBudgetUsd: null }, options)).rejects.toMatchObject({
      code: 'policy-locked',
    });
    expect((await readSettings(await database())).dailyBudgetUsd).toBe(DEFAULT_DAILY_BUDGET_USD);
  });
});
