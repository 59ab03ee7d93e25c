import { describe, expect, it } from 'vitest';
import {
  CsvError,
  CsvTooManyRecords,
  guardCell,
  parseCsv,
  readCsv,
  toCsv,
  unguardCell,
} from '@/lib/store/csv';

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe('the CSV reader', () => {
  it.each(['\r\n', '\n', '\r'])('reads plain, quoted and escaped fields with %j line ends', (end) => {
    // A file has one line-end style; a line break inside quotes is kept as written.
    expect(fields(['a,b,c', '1,"two, too","say ""hi"""', '3,,"x\r\ny"', '4,5,6'].join(end))).toEqual([
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

  it('refuses an unterminated quote and text after a closing quote, with the line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,2\n3,"x"y')).toThrow(
      expect.objectContaining({ line: 3, reason: 'after-quote' }),
    );
    expect(() => parseCsv('h\n"multi\nline"\n\n"open,1')).toThrow(
      expect.objectContaining({ line: 5, reason: 'unterminated-quote' }),
    );
    // A quote inside an unquoted field is kept as text, as spreadsheets read it.
    expect(fields('a\nsay "hi"')).toEqual([['a'], ['say "hi"']]);
  });

  it("honours and skips Excel's sep= line, quoted or not, with any line end", () => {
    expect(fields('sep=;\r\nrecord_url;twitter\r\nhttps://x.example/1;@a,b\r\n')).toEqual([
      ['record_url', 'twitter'],
      ['https://x.example/1', '@a,b'],
    ]);
    expect(fields('\uFEFF"sep=|"\nurl|handle\nu|h')).toEqual([
      ['url', 'handle'],
      ['u', 'h'],
    ]);
    expect(fields('SEP=,\ra;b,c')).toEqual([['a;b', 'c']]);
    // Line numbers still count the sep= line.
    expect(() => parseCsv('sep=;\nurl;handle\n"open;x')).toThrow(expect.objectContaining({ line: 3 }));
  });

  it('reads tab-separated text, as Excel saves "Unicode text" and CRMs export TSV', () => {
    expect(fields('Record URL\tTwitter\r\n"https://a.example/1"\t"@x\ty"\r\n')).toEqual([
      ['Record URL', 'Twitter'],
      ['https://a.example/1', '@x\ty'],
    ]);
  });

  it('stops at the record cap without reading further', () => {
    const seen: string[] = [];
    expect(() =>
      readCsv(
        'h\n1\n2\n3\n4\n"never closed',
        (record) => {
          seen.push(record.fields[0] ?? '');
        },
        3,
      ),
    ).toThrow(CsvTooManyRecords);
    expect(seen).toEqual(['h', '1', '2']);
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
