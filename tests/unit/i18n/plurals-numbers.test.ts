import { afterEach, describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatList, formatPercent, formatUsd, tCount, tPlural } from '@/lib/i18n';
import { speak, speakDefault } from '../speak';

/** Intl puts no-break spaces between number and sign; a reader sees a space. */
const spaced = (texts: string[]) => texts.map((text) => text.replace(/\s/gu, ' '));

afterEach(speakDefault);

describe('counts in the UI language', () => {
  it('says "1 reply" and "2 replies" in English, with grouping', () => {
    speak('en-US', 'en');
    expect(tCount('replyCount', 1)).toBe('1 reply');
    expect(tCount('replyCount', 2)).toBe('2 replies');
    expect(tCount('replyCount', 0)).toBe('0 replies');
    expect(tCount('countFollowers', 12345)).toBe('12,345 followers');
    expect(tCount('composeRemaining', 1)).toBe('1 character left');
  });

  it('says "1 Antwort" and "2 Antworten" in German, grouping with a dot', () => {
    speak('de', 'de');
    expect(tCount('replyCount', 1)).toBe('1 Antwort');
    expect(tCount('replyCount', 2)).toBe('2 Antworten');
    expect(tCount('searchFound', 12345)).toBe('12.345 Posts angezeigt');
    expect(tCount('outboxTried', 1, 'gestern')).toBe('1 Versuch, zuerst am gestern');
  });

  it('says "1 respuesta" and "2 respuestas" in Spanish', () => {
    speak('es-ES', 'es');
    expect(tCount('replyCount', 1)).toBe('1 respuesta');
    expect(tCount('replyCount', 2)).toBe('2 respuestas');
    expect(tCount('composeRemaining', 1)).toBe('Queda 1 carácter');
    expect(tCount('composeRemaining', 12345)).toBe('Quedan 12.345 caracteres');
  });

  it('picks a category English lacks where a locale has it, else the other form', () => {
    // Polish: 2 is "few", 5 is "many" (CLDR); a locale adds those keys to its own file only.
    speak('pl', {
      localeTag: { message: 'pl' },
      replyCount_one: { message: '$C$ odpowiedź', placeholders: { c: { content: '$1' } } },
      replyCount_few: { message: '$C$ odpowiedzi (few)', placeholders: { c: { content: '$1' } } },
      replyCount_other: { message: '$C$ odpowiedzi', placeholders: { c: { content: '$1' } } },
    });
    expect(tCount('replyCount', 1)).toBe('1 odpowiedź');
    expect(tCount('replyCount', 2)).toBe('2 odpowiedzi (few)');
    expect(tCount('replyCount', 5)).toBe('5 odpowiedzi');
  });

  it('lets the count sit anywhere among the substitutions', () => {
    speak('en-US', 'en');
    expect(tPlural('importRefused', 1, ['1', '0'])).toBe('0 of 1 row refused');
    expect(tPlural('importRefused', 7, ['7', '2'])).toBe('2 of 7 rows refused');
  });
});

describe('money, shares and dates in the UI language', () => {
  it('writes US dollars as each language does, cents always and a tenth of a cent when there is one', () => {
    speak('en-US', 'en');
    expect([formatUsd(0.015), formatUsd(0.2), formatUsd(1234.5)]).toEqual(['$0.015', '$0.20', '$1,234.50']);
    speak('de', 'de');
    expect(spaced([formatUsd(0.015), formatUsd(0.2)])).toEqual(['0,015 $', '0,20 $']);
    speak('es', 'es');
    expect(spaced([formatUsd(0.015), formatUsd(0.2)])).toEqual(['0,015 US$', '0,20 US$']);
  });

  it('writes a percentage and a count as the language does', () => {
    speak('de', 'de');
    expect(spaced([formatPercent(85)])).toEqual(['85 %']);
    expect(formatCount(1234567)).toBe('1.234.567');
    speak('en-US', 'en');
    expect(formatPercent(85)).toBe('85%');
  });

  it('writes numbers in the messages’ language when the browser reports another', () => {
    // Chromium started with --lang=de (or LANGUAGE=de) shows German messages but reports en-US.
    speak('en-US', 'de');
    expect(spaced([formatUsd(0.015)])).toEqual(['0,015 $']);
    expect(tCount('replyCount', 1234)).toBe('1.234 Antworten');
    // A browser in Latin American Spanish keeps its region's formats with the es messages.
    speak('es-MX', 'es');
    expect(spaced([formatUsd(0.015)])).toEqual(['USD 0.015']);
  });

  it('lists reasons as the language does', () => {
    speak('de', 'de');
    expect(formatList(['erwähnt Acme', 'gleicher Name'])).toBe('erwähnt Acme und gleicher Name');
    speak('es', 'es');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b y c');
  });

  it('names the month in the language', () => {
    const joined = '2019-03-04T12:00:00Z';
    const monthYear = { year: 'numeric', month: 'long', timeZone: 'UTC' } as const;
    speak('en-US', 'en');
    expect(formatDate(joined, monthYear)).toBe('March 2019');
    speak('de', 'de');
    expect(formatDate(joined, monthYear)).toBe('März 2019');
    speak('es', 'es');
    expect(formatDate(joined, monthYear)).toBe('marzo de 2019');
  });
});
