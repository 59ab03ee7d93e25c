/**
 * A small RFC 4180 CSV reader and writer for the backup: quoted fields, "" inside quotes,
 * CRLF, LF or CR line ends, a leading byte-order mark, and the semicolon that spreadsheets
 * in many European locales write instead of a comma.
 */

/** One record of the file and the line it starts on (1-based), for error reports. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unterminated-quote' | 'quote-in-field' | 'after-quote',
  ) {
    super(`CSV ${reason} at line ${line}`);
    this.name = 'CsvError';
  }
}

/** The delimiter of a file: ';' when its first line has semicolons and no comma, else ','. */
export function sniffDelimiter(text: string): ',' | ';' {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  return !first.includes(',') && first.includes(';') ? ';' : ',';
}

/**
 * Parses CSV text into records. Blank lines are skipped. Throws CsvError for a quote that
 * never closes, a quote inside an unquoted field, or text after a closing quote.
 */
export function parseCsv(input: string, delimiter: ',' | ';' = sniffDelimiter(input)): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const sep = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    // One record.
    for (;;) {
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        // A quoted field: runs to the next quote not doubled.
        i++;
        let from = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new CsvError(startLine, 'unterminated-quote');
          // Count the line ends inside the quotes, so later errors name the right line.
          for (let k = i; k < q; k++) {
            const c = text.charCodeAt(k);
            if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        const next = text.charCodeAt(i);
        if (i < n && next !== sep && next !== CR && next !== LF) throw new CsvError(line, 'after-quote');
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === sep || c === CR || c === LF) break;
          if (c === QUOTE) throw new CsvError(line, 'quote-in-field');
          i++;
        }
        value = text.slice(from, i);
      }
      fields.push(value);
      if (i < n && text.charCodeAt(i) === sep) {
        i++;
        continue;
      }
      break;
    }
    // The record's end: CRLF, LF, CR or the end of the text.
    if (text.charCodeAt(i) === CR) i++;
    if (text.charCodeAt(i) === LF) i++;
    line++;
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: startLine, fields });
  }
  return records;
}

/**
 * A cell a spreadsheet would not run as a formula: text starting with = + - @ or a tab is
 * prefixed with an apostrophe (OWASP's advice); `unguardCell` takes it off again on import.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function quote(value: string): string {
  return /[",\r\n;]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records as CSV with CRLF line ends, as RFC 4180 has it. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => quote(guardCell(cell))).join(',')).join('\r\n') + '\r\n';
}
