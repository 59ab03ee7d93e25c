// The product's own words in one of its locales, so the sandbox finds buttons and fields by
// the names a person using that language sees (the same _locales files the build carries).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type messages from '../../public/_locales/en/messages.json';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

const LOCALES_DIR = resolve('public/_locales');

/** The locales the product ships ("en", "de", "es"): the folders of public/_locales. */
export function shippedLocales(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

/** A message getter for `locale` that fills $1… as chrome.i18n does, falling back to English. */
export function messagesFor(
  locale: string,
): (key: keyof typeof messages, ...substitutions: string[]) => string {
  const read = (name: string) =>
    JSON.parse(readFileSync(join(LOCALES_DIR, name, 'messages.json'), 'utf8')) as Record<string, Entry>;
  const english = read('en');
  const own = locale === 'en' ? english : read(locale);
  return (key, ...substitutions) => {
    const entry = own[key] ?? english[key];
    if (!entry) throw new Error(`No message "${key}" in public/_locales.`);
    return entry.message
      .replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
        (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(
          /\$(\d)/g,
          (_m, n: string) => substitutions[Number(n) - 1] ?? '',
        ),
      )
      .replaceAll('$$', '$');
  };
}
