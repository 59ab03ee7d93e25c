import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** A key of public/_locales/en/messages.json: a typo is a compile error. */
export type MessageKey = keyof typeof messages;

/**
 * A message that depends on a count: en/messages.json holds `<key>_one` and `<key>_other`
 * (English's CLDR plural categories). chrome.i18n has no plurals, so each category is a key
 * of its own; a locale whose language has more categories (few, many, two, zero: Polish,
 * Arabic…) adds `<key>_few` and the like to its own messages.json only.
 */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** The user's language's text for `key`, with $1… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * Gives an extension page its title and its language (`<html lang>`, a BCP 47 tag) in the UI
 * language, so screen readers speak its words in the language they are written in.
 */
export function nameDocument(doc: Document, titleKey: MessageKey): void {
  doc.documentElement.lang = uiLanguage();
  doc.title = t(titleKey);
}

/**
 * The language the messages are in (a BCP 47 tag such as "de" or "es-419"): the browser's UI
 * language when the messages are in it, else the locale chrome.i18n picked (each
 * messages.json names itself in `localeTag`), so numbers and dates read like the words
 * around them. They differ where Chromium starts with `--lang` or LANGUAGE set (headless on
 * Linux): the messages follow them, getUILanguage() does not.
 */
export function uiLanguage(): string {
  const browserLanguage = browser.i18n.getUILanguage() || 'en';
  const messagesLanguage = browser.i18n.getMessage('localeTag');
  let tag: string | undefined;
  try {
    [tag] = Intl.getCanonicalLocales(messagesLanguage);
  } catch {
    // Not a language tag (a pseudo-locale build): the browser's language will do.
  }
  if (!tag) return browserLanguage;
  const language = (locale: string) => locale.split('-')[0]?.toLowerCase();
  return language(browserLanguage) === language(tag) ? browserLanguage : tag;
}

// Intl objects are costly to make; the UI language does not change while a page lives.
type Formatter = Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat;
const made = new Map<string, Formatter>();
function cached<T extends Formatter>(kind: string, options: object, make: (language: string) => T): T {
  const language = uiLanguage();
  const id = `${kind} ${language} ${JSON.stringify(options)}`;
  let value = made.get(id) as T | undefined;
  if (!value) {
    value = make(language);
    made.set(id, value);
  }
  return value;
}

/**
 * The text for `count` of something: `<key>_<category>` where the category is what
 * Intl.PluralRules (CLDR's rules) says for `count` in the UI language, else `<key>_other`.
 * `substitutions` fill $1…: callers pass the count already formatted (formatCount or
 * formatCompactCount) where the message shows it.
 */
export function tPlural(key: PluralKey, count: number, substitutions: string[]): string {
  const category = cached('plural', {}, (language) => new Intl.PluralRules(language)).select(count);
  // A category English lacks (few, many…) exists only in the locales whose language has it.
  const inCategory = `${key}_${category}` as MessageKey;
  return (
    browser.i18n.getMessage(inCategory, substitutions) ||
    browser.i18n.getMessage(`${key}_other`, substitutions) ||
    key
  );
}

/** `tPlural` with $1 the count as formatCount writes it, then `rest` as $2…. */
export function tCount(key: PluralKey, count: number, ...rest: string[]): string {
  return tPlural(key, count, [formatCount(count), ...rest]);
}

/** A whole number with the UI language's grouping: "12,345" (en), "12.345" (de). */
export function formatCount(count: number): string {
  return cached(
    'count',
    {},
    (language) => new Intl.NumberFormat(language, { maximumFractionDigits: 0 }),
  ).format(count);
}

/** A large count shortened as X shows it: "1.2K" (en), "1,2 Mio." (de), "12 mil" (es). */
export function formatCompactCount(count: number): string {
  const options = { notation: 'compact', maximumFractionDigits: 1 } as const;
  return cached('compact', options, (language) => new Intl.NumberFormat(language, options)).format(count);
}

/** A share from 0 to 100 as a percentage: "85%" (en), "85 %" (de, es). */
export function formatPercent(percent: number): string {
  const options = { style: 'percent', maximumFractionDigits: 0 } as const;
  return cached('percent', options, (language) => new Intl.NumberFormat(language, options)).format(
    percent / 100,
  );
}

/**
 * An amount in US dollars, the currency X bills in: cents always shown, a tenth of a cent
 * when there is one. "$0.015" (en), "0,015 $" (de), "0,015 US$" (es).
 */
export function formatUsd(amount: number): string {
  const options = {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 3,
  } as const;
  return cached('usd', options, (language) => new Intl.NumberFormat(language, options)).format(amount);
}

/** Items joined as the UI language lists them: "a, b and c" (en), "a, b und c" (de), "a, b y c" (es). */
export function formatList(items: string[]): string {
  const options = { type: 'conjunction', style: 'long' } as const;
  const format = cached('list', options, (language) => new Intl.ListFormat(language, options));
  return format.format(items);
}

/** A date or time (a Date, ms since the epoch, or an ISO 8601 string) in the UI language. */
export function formatDate(when: Date | number | string, options: Intl.DateTimeFormatOptions): string {
  const date = typeof when === 'string' ? new Date(when) : when;
  return cached('date', options, (language) => new Intl.DateTimeFormat(language, options)).format(date);
}

/** A moment as the lists show it: "Nov 29, 2026, 4:49 PM" (en), "29.11.2026, 16:49" (de). */
export function formatDateTime(when: Date | number | string): string {
  return formatDate(when, { dateStyle: 'medium', timeStyle: 'short' });
}
