import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { xService } from '@/entrypoints/background/x-service';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/store/settings';

describe('the worker’s X service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stops billable reads at the daily budget set in the manager, before asking X', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, dailyBudgetUsd: 0 });
    await expect(xService.searchPeople('Maria Garcia')).rejects.toMatchObject({
      problem: 'budget',
      message: expect.stringContaining('$0.00'),
    });
  });

  it('lets the organisation’s budget win over the manager’s', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, dailyBudgetUsd: 50 });
    fakeBrowser.storage.managed.get = (async () => ({
      dailyBudgetUsd: 0,
    })) as typeof fakeBrowser.storage.managed.get;
    await expect(xService.personByHandle('maria_acme')).rejects.toMatchObject({ problem: 'budget' });
  });
});
