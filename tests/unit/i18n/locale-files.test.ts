import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
type Messages = Record<string, Entry>;

const LOCALES_DIR = join(process.cwd(), 'public/_locales');
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const others = readdirSync(LOCALES_DIR).filter((name) => name !== 'en');

/** The $NAME$ placeholders a message shows, lower-cased as chrome.i18n looks them up. */
const shown = (message: string) =>
  [...message.replaceAll('$$', '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]?.toLowerCase()).sort();
const defined = (entry: Entry) =>
  Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();

/**
 * Messages a locale may leave as English writes them: names of products and X's own terms
 * (X's German and Spanish UIs say "Post", "Repost", "Lead" too), and lines of placeholders only.
 */
const SAME_AS_ENGLISH = new Set([
  'extName',
  'popupTitle',
  'authOauth1',
  'consumerKey',
  'consumerSecret',
  'typeLead',
  'ruleTypeLead',
  'socialLeads',
  'accountName',
  'ruleFieldName',
  'repostCount_one',
  'repostCount_other',
  'countPosts_one',
  'countPosts_other',
  // Example record paths, written as CRMs write their addresses.
  'rulePathPatternExample',
  'rulePathRegexExample',
  // "$TYPE$ in $CRM$": German's "in" is English's.
  'panelRecordOf',
  'searchInCrm',
]);
const onlyPlaceholders = (message: string) => !/\p{L}/u.test(message.replace(/\$[A-Za-z0-9_@]+\$/g, ''));

describe('locales', () => {
  it('has German and Spanish beside English', () => {
    expect(others).toEqual(expect.arrayContaining(['de', 'es']));
  });

  describe.each(others)('%s', (locale) => {
    const messages = read(locale);
    const language = locale.replace('_', '-');
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];

    it('has every English key', () => {
      expect(Object.keys(en).filter((key) => !messages[key]?.message)).toEqual([]);
    });

    it('has no key English lacks, except plural forms its language has', () => {
      const extra = Object.keys(messages).filter((key) => {
        if (key in en) return false;
        const [, base, category] = /^(.*)_([a-z]+)$/.exec(key) ?? [];
        return !(base && category && `${base}_other` in en && categories.includes(category));
      });
      expect(extra).toEqual([]);
    });

    it('shows and defines the same placeholders as English in every message', () => {
      const differ = Object.keys(en).flatMap((key) => {
        const mine = messages[key];
        const english = en[key];
        if (!mine || !english) return [];
        const ok =
          JSON.stringify(shown(mine.message)) === JSON.stringify(shown(english.message)) &&
          JSON.stringify(defined(mine)) === JSON.stringify(defined(english));
        return ok ? [] : [key];
      });
      expect(differ).toEqual([]);
    });

    it('translates every message that is not a name or placeholders only', () => {
      const copied = Object.keys(en).filter(
        (key) =>
          messages[key]?.message === en[key]?.message &&
          !SAME_AS_ENGLISH.has(key) &&
          !onlyPlaceholders(en[key]?.message ?? ''),
      );
      expect(copied).toEqual([]);
    });
  });
});
