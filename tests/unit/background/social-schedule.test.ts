import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const policy: { socialScheduleMinHours?: number; socialView?: boolean } = {};
vi.mock('@/lib/store/policy', () => ({ readPolicy: async () => ({ ...policy }) }));
vi.mock('@/entrypoints/background/x-service', () => ({ xService: {} }));

const { scheduleSocialRefresh } = await import('@/entrypoints/background/social-schedule');

describe('the Social view’s scheduled refresh', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    delete policy.socialScheduleMinHours;
  });

  it('is an alarm every chosen number of hours, and none once turned off', async () => {
    await scheduleSocialRefresh(4);
    expect((await fakeBrowser.alarms.get('social-refresh'))?.periodInMinutes).toBe(240);
    await scheduleSocialRefresh(null);
    expect(await fakeBrowser.alarms.get('social-refresh')).toBeUndefined();
  });

  it('runs no more often than the policy allows, and not at all when it forbids a schedule', async () => {
    policy.socialScheduleMinHours = 8;
    await scheduleSocialRefresh(1);
    expect((await fakeBrowser.alarms.get('social-refresh'))?.periodInMinutes).toBe(480);
    policy.socialScheduleMinHours = 0;
    await scheduleSocialRefresh(1);
    expect(await fakeBrowser.alarms.get('social-refresh')).toBeUndefined();
  });
});
