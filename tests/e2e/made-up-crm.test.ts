import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../fixtures/index';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium';
import { serveCrmPages } from './harness/crm-pages';
import { panelRecord, recordIcons, waitForPanelName } from './harness/record-panel';

/**
 * A CRM is one folder and one registry line: a build whose registry adds a made-up CRM
 * (tests/made-up-crm, its fixture in tests/fixtures/larkspur) runs on that CRM's host, shows
 * the icon on its record page and the panel with its label, with no product file changed.
 */
const OUT = resolve('.output/with-registry-override/chrome-mv3');
const [page] = fixturePages('larkspur');

let chromium: ExtensionBrowser;

beforeAll(() => {
  execFileSync('npx', ['wxt', 'build'], {
    env: { ...process.env, X_CRM_REGISTRY: 'tests/made-up-crm/registry.ts' },
    stdio: 'ignore',
  });
}, 600_000);
afterAll(() => chromium?.close());

describe('a made-up CRM added through its descriptor alone', () => {
  it('is in the build’s manifest and policy schema', () => {
    const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts[0].matches).toContain('https://*.larkspur-crm.example/*');
    expect(manifest.web_accessible_resources[0].matches).toContain('https://*.larkspur-crm.example/*');
    const schema = JSON.parse(readFileSync(join(OUT, 'managed-schema.json'), 'utf8'));
    expect(schema.properties.allowedCrms.description).toContain('larkspur');
  });

  it('shows the icon after the record’s name at its own host, and the panel names the CRM', async () => {
    if (!page) throw new Error('tests/fixtures/larkspur/pages.json lists no page');
    chromium = await launchWithExtension([], { extensionDir: OUT });
    const tab = await chromium.browser.newPage();
    await serveCrmPages(tab, [{ url: page.url, fixture: page.fixture }]);
    await tab.goto(page.url);
    await tab.waitForSelector('x-crm-record', { timeout: 10_000 });
    expect(await recordIcons(tab)).toEqual({
      count: 1,
      floating: false,
      lastInBody: false,
      openShadowRoot: false,
      anchorText: 'Grace Hopper',
    });
    await tab.locator('::-p-aria(Open X panel for Grace Hopper)').click();
    const panel = await waitForPanelName(tab, 'Grace Hopper');
    const shown = await panelRecord(panel);
    expect(shown.rows.Company).toBe('Harvard Computation Lab');
    expect(shown.rows.Email).toBe('grace@computation-lab.example');
    expect(shown.text).toContain('Larkspur CRM');
  });
});
