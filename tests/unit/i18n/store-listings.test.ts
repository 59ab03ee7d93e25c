import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const locales = readdirSync(join(root, 'public/_locales'));
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8').trim();

/** Chrome Web Store: "Summary … up to 132 characters" (developer docs, Creating a listing). */
const SUMMARY_MAX = 132;

describe.each(locales)('the %s store listing', (locale) => {
  it('has a summary that is the extension’s description in that language, short enough for the store', () => {
    const summary = read('store', locale, 'summary.txt');
    const messages = JSON.parse(read('public/_locales', locale, 'messages.json')) as Record<
      string,
      { message: string }
    >;
    expect(summary).toBe(messages.extDescription?.message);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
  });

  it('has a long description', () => {
    expect(existsSync(join(root, 'store', locale, 'description.txt'))).toBe(true);
    expect(read('store', locale, 'description.txt').length).toBeGreaterThan(400);
  });
});
