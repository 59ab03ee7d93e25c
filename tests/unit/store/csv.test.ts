import { describe, expect, it } from 'vitest';
import { CsvError, guardCell, parseCsv, toCsv, unguardCell } from '@/lib/store/csv';

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe('the RFC 4180 CSV reader', () => {
  it('reads plain, quoted and escaped fields with CRLF, LF and CR line ends', () => {
    expect(fields('a,b,c\r\n1,"two, too","say ""hi"""\n3,,"x\r\ny"\r4,5,6')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two, too', 'say "hi"'],
      ['3', '', 'x\r\ny'],
      ['4', '5', '6'],
    ]);
  });

  it('drops a byte-order mark, skips blank lines and keeps empty trailing fields', () => {
    expect(fields('\uFEFFa,b\r\n\r\n1,\r\n')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
  });

  it('numbers records by the line they start on, counting line ends inside quotes', () => {
    const records = parseCsv('h\n"multi\nline"\nnext');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('reads semicolon files as spreadsheets in many locales write them', () => {
    expect(fields('crm;handle\nzoho;"a;b"')).toEqual([
      ['crm', 'handle'],
      ['zoho', 'a;b'],
    ]);
  });

  it('refuses an unterminated quote, a stray quote and text after a closing quote, with the line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
    try {
      parseCsv('a,b\n1,2\n3,"x"y');
    } catch (error) {
      expect(error).toMatchObject({ line: 3, reason: 'after-quote' });
    }
    expect(() => parseCsv('a\nsay "hi"')).toThrow(/quote-in-field/);
  });

  it('writes what it reads back, with formula cells guarded', () => {
    const rows = [
      ['crm', 'note'],
      ['zoho', 'a, "quoted"\nline'],
      ['x', '=HYPERLINK("evil")'],
    ];
    const text = toCsv(rows);
    expect(text).toContain(`"'=HYPERLINK(""evil"")"`);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(fields(text).map((row) => row.map(unguardCell))).toEqual(rows);
    expect(guardCell('-1')).toBe("'-1");
    expect(unguardCell("'plain")).toBe("'plain");
  });
});
