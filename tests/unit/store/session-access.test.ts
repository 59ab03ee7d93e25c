import { describe, expect, it } from 'vitest';
import { keepSessionFromContentScripts } from '@/lib/store/session-access';

describe('storage.session is kept from content scripts in both browsers', () => {
  it('sets TRUSTED_CONTEXTS where the browser has setAccessLevel (Chrome, Edge)', async () => {
    const calls: unknown[] = [];
    const chromeSession = {
      setAccessLevel: async (options: unknown) => {
        calls.push(options);
      },
    };
    expect(await keepSessionFromContentScripts(chromeSession)).toBe('trusted-contexts');
    expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
  });

  it('relies on the browser’s own rule where it has no setAccessLevel (Firefox)', async () => {
    expect(await keepSessionFromContentScripts({})).toBe('never-shared');
  });

  it('says so when the browser refuses, instead of going on as if the area were closed', async () => {
    const refusing = {
      setAccessLevel: () => Promise.reject(new Error('Access level can only be set by a trusted context')),
    };
    await expect(keepSessionFromContentScripts(refusing)).rejects.toThrow(/trusted context/);
  });
});
