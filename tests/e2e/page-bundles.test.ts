import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crmVendors } from '../../lib/crm/registry';

/**
 * The panel and the popup only name a CRM ("Lead in Zoho CRM"): the build gives them the CRMs'
 * labels as a map and leaves out the registry, whose URL and page readers they never run. The
 * manager paints before it loads the rules' checks (zod and the RE2 regex engine): they come
 * with the Other CRMs section when it is opened.
 */

const OUT = resolve('.output/chrome-mv3');

/** The scripts an extension page loads, following static imports from its HTML. */
function pageScripts(html: string): string[] {
  const text = readFileSync(join(OUT, html), 'utf8');
  const queue = [...text.matchAll(/src="\/?([^"]+\.js)"/g)].map((match) => match[1] as string);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(OUT, file), 'utf8');
    for (const match of code.matchAll(/(?:import|from)\s*["']\.{0,2}\/?([^"']+\.js)["']/g)) {
      const target = match[1] as string;
      queue.push(target.startsWith('chunks/') ? target : join('chunks', target));
    }
  }
  return [...seen];
}

describe.each(['panel.html', 'popup.html'])('the %s bundle', (html) => {
  const code = () =>
    pageScripts(html)
      .map((file) => readFileSync(join(OUT, file), 'utf8'))
      .join('\n');

  it('carries every CRM’s label', () => {
    const all = code();
    const missing = crmVendors
      .map((vendor) => vendor.label)
      .filter((label) => !all.includes(JSON.stringify(label)));
    expect(missing).toEqual([]);
  });

  it('does not carry the CRM registry (no CRM’s host patterns)', () => {
    const all = code();
    const carried = crmVendors.flatMap((vendor) => vendor.matches).filter((pattern) => all.includes(pattern));
    expect(carried).toEqual([]);
  });
});

describe('the options.html bundle before its first paint', () => {
  const code = () =>
    pageScripts('options.html')
      .map((file) => readFileSync(join(OUT, file), 'utf8'))
      .join('\n');

  it('carries every CRM’s label, for the switches that turn a CRM off', () => {
    const all = code();
    const missing = crmVendors
      .map((vendor) => vendor.label)
      .filter((label) => !all.includes(JSON.stringify(label)));
    expect(missing).toEqual([]);
  });

  it('does not carry the CRM registry, zod or the RE2 regex engine', () => {
    const all = code();
    const carried = crmVendors.flatMap((vendor) => vendor.matches).filter((pattern) => all.includes(pattern));
    expect(carried).toEqual([]);
    // Names each library keeps in its minified code: zod's error class, RE2JS its own.
    expect(all.includes('ZodError')).toBe(false);
    expect(all.includes('RE2JS')).toBe(false);
  });
});

describe('the panel.html page', () => {
  it('loads its code as one script with one stylesheet, so the panel waits for few files', () => {
    const html = readFileSync(join(OUT, 'panel.html'), 'utf8');
    const styles = [...html.matchAll(/href="\/?([^"]+\.css)"/g)].map((match) => match[1]);
    expect(styles).toEqual(['assets/panel-app.css']);
    const scripts = pageScripts('panel.html').filter((file) => !file.startsWith('chunks/_virtual_wxt'));
    expect(scripts).toEqual(['panel-app.js']);
  });
});

/**
 * Each of these pages loads one file before it paints, its script, which carries its styles.
 * The build still writes out, as assets/<script>.css, the rules of any component that imports
 * its own CSS; the page never loads that file, so each of its rules must be in the script.
 */
describe.each([
  ['popup.html', 'popup-app'],
  ['options.html', 'manager-app'],
])('the %s page', (html, script) => {
  it('loads one file, its script, which carries its styles: its first frame waits for no other', () => {
    const text = readFileSync(join(OUT, html), 'utf8');
    const styles = [...text.matchAll(/href="\/?([^"]+\.css)"/g)].map((match) => match[1]);
    expect(styles).toEqual([]);
    // Besides the page's script: WXT's own start-up modules, which it adds to every page.
    const scripts = pageScripts(html).filter((file) => !file.startsWith('chunks/_virtual_wxt'));
    expect(scripts).toEqual([`${script}.js`]);
    const code = readFileSync(join(OUT, `${script}.js`), 'utf8');
    expect(code).toContain('prefers-color-scheme');
    const extracted = join(OUT, `assets/${script}.css`);
    const rules = existsSync(extracted) ? readFileSync(extracted, 'utf8').match(/[^{}]+\{[^{}]*\}/g) : [];
    expect((rules ?? []).filter((rule) => !code.includes(rule.trim()))).toEqual([]);
  });
});

/**
 * The manager's on-demand sections come as scripts of their own; the build writes the rules of
 * any CSS their components import to assets/<script>.css, which no page loads. Each rule must be
 * in the manager's script, which puts its styles on the page before any section shows.
 */
describe.each(['manager-backup', 'manager-rules'])('the %s section script', (script) => {
  it('needs no stylesheet of its own: the manager carries every rule its components import', () => {
    const manager = readFileSync(join(OUT, 'manager-app.js'), 'utf8');
    const extracted = join(OUT, `assets/${script}.css`);
    const rules = existsSync(extracted) ? readFileSync(extracted, 'utf8').match(/[^{}]+\{[^{}]*\}/g) : [];
    expect((rules ?? []).filter((rule) => !manager.includes(rule.trim()))).toEqual([]);
  });
});
