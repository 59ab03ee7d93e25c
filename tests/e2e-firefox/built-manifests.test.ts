// What the stores read from the two builds: the Firefox manifest's add-on settings and the
// Chrome manifest's pinned id, each where only its own browser looks.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function manifest(build: 'chrome-mv3' | 'firefox-mv3'): Record<string, unknown> {
  const path = resolve('.output', build, 'manifest.json');
  if (!existsSync(path))
    throw new Error(`No ${build} build: run \`npm run build\` and \`npm run build:firefox\`.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Mozilla's categories for data_collection_permissions (addons-linter's manifest schema). */
const MOZILLA_DATA_CATEGORIES = [
  'authenticationInfo',
  'bookmarksInfo',
  'browsingActivity',
  'financialAndPaymentInfo',
  'healthInfo',
  'locationInfo',
  'personalCommunications',
  'personallyIdentifyingInfo',
  'searchTerms',
  'websiteActivity',
  'websiteContent',
];

describe('the built manifests', () => {
  it('gives Firefox a fixed add-on id, the ESR it needs and what data goes to X', () => {
    const gecko = (manifest('firefox-mv3').browser_specific_settings as { gecko: Record<string, unknown> })
      .gecko;
    expect(gecko.id).toBe('x-for-crm@extension');
    // 140 is the first Firefox that reads data_collection_permissions (and the current ESR).
    expect(gecko.strict_min_version).toBe('140.0');
    const collected = (gecko.data_collection_permissions as { required: string[] }).required;
    expect(collected.length).toBeGreaterThan(0);
    for (const category of collected) expect(MOZILLA_DATA_CATEGORIES).toContain(category);
    // The record's name goes to X's user search, posts go to X, sign-in sends tokens to X.
    expect(collected).toEqual(
      expect.arrayContaining(['personallyIdentifyingInfo', 'personalCommunications', 'authenticationInfo']),
    );
  });

  it('keeps each browser’s keys out of the other’s manifest', () => {
    const firefox = manifest('firefox-mv3');
    const chrome = manifest('chrome-mv3');
    expect(firefox.key).toBeUndefined();
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.key).toEqual(expect.any(String));
    // Firefox MV3 runs the background as an event page; Chrome as a service worker.
    expect(firefox.background).toMatchObject({ scripts: ['background.js'] });
    expect(chrome.background).toMatchObject({ service_worker: 'background.js' });
  });

  it('gives Firefox a sidebar where Chrome has a side panel, on the same page', () => {
    const firefox = manifest('firefox-mv3');
    const chrome = manifest('chrome-mv3');
    const sidePanel = chrome.side_panel as { default_path: string } | undefined;
    // Firefox has no side_panel key or sidePanel API; WXT writes the entrypoint as sidebar_action.
    expect(firefox.side_panel).toBeUndefined();
    expect(firefox.permissions).not.toContain('sidePanel');
    if (sidePanel) expect(firefox.sidebar_action).toMatchObject({ default_panel: sidePanel.default_path });
    else expect(firefox.sidebar_action).toBeUndefined();
  });
});
