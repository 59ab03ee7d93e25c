// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * What Biome's rules (noImportCycles, noRestrictedImports per folder, in biome.json) cannot
 * say: which modules are leaves. An error class anyone may throw loads nothing, and the
 * answer shapes the protocol names load no code at all.
 */
const importsOf = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/^(import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((match) => ({
    statement: match[0],
    from: match[2],
  }));

describe('the leaves of the layers', () => {
  it('the coded error imports nothing', () => {
    expect(importsOf('lib/coded-error.ts')).toEqual([]);
  });

  it('the X answer shapes are types only, so the protocol names them without loading the X client', () => {
    const imports = importsOf('lib/x/answer-types.ts');
    expect(imports.length).toBeGreaterThan(0);
    for (const { statement } of imports) expect(statement).toMatch(/^(import|export) type\b/);
  });
});
