import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { xService } from '@/entrypoints/background/x-service';
import { database } from '@/lib/store/db';
import { DEFAULT_DAILY_BUDGET_USD, updateSettings } from '@/lib/store/settings';
import { recordUsage } from '@/lib/x/usage';

describe('the worker’s X service', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await (await database()).clear('settings');
  });

  it('stops billable reads at the daily budget set in the manager, before asking X', async () => {
    await updateSettings(await database(), { dailyBudgetUsd: 0 });
    await expect(xService.searchPeople('Maria Garcia')).rejects.toMatchObject({
      problem: 'budget',
      message: expect.stringContaining('$0.00'),
    });
  });

  it('stops billable reads at the default budget nobody set, whatever a page wrote in storage.local', async () => {
    // What a CRM page's content script can write: no budget.
    await fakeBrowser.storage.local.set({ settings: { dailyBudgetUsd: null, postsFreshMinutes: 0 } });
    await recordUsage(await database(), {
      accountId: '1',
      operation: 'read-user',
      unitUsd: DEFAULT_DAILY_BUDGET_USD,
      resources: ['user:1'],
      at: Date.now(),
    });
    await expect(xService.searchPeople('Maria Garcia')).rejects.toMatchObject({
      problem: 'budget',
      message: expect.stringContaining(`$${DEFAULT_DAILY_BUDGET_USD.toFixed(2)}`),
    });
    await (await database()).clear('usage');
  });

  it('lets the organisation’s budget win over the manager’s', async () => {
    await updateSettings(await database(), { dailyBudgetUsd: 50 });
    fakeBrowser.storage.managed.get = (async () => ({
      dailyBudgetUsd: 0,
    })) as typeof fakeBrowser.storage.managed.get;
    await expect(xService.personByHandle('maria_acme')).rejects.toMatchObject({ problem: 'budget' });
  });
});
