import Papa from 'papaparse';

/**
 * CSV as CRM exports and spreadsheets write it, read by Papa Parse: a delimiter guessed among
 * comma, semicolon (European spreadsheets) and tab (Excel's "Unicode text"), or named by
 * Excel's `sep=` first line, quoted fields with "" and line breaks inside, CRLF, LF or CR line
 * ends, and a leading byte-order mark. The writer below stays ours: it is a few lines, and it
 * guards cells against formula injection the way our own reader takes the guard off.
 */

/** One record of the file and the line it starts on (1-based), for error reports. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    readonly reason: 'unterminated-quote' | 'after-quote',
  ) {
    super(`CSV ${reason} at line ${line}`);
    this.name = 'CsvError';
  }
}

/** The file had more records than the caller allows: parsing stopped there. */
export class CsvTooManyRecords extends Error {
  constructor(readonly limit: number) {
    super(`CSV has more than ${limit} records`);
    this.name = 'CsvTooManyRecords';
  }
}

/**
 * Excel's first line naming the delimiter (`sep=;`, sometimes quoted): it is not a record.
 * Microsoft documents it only in passing ("sep=" in Excel's CSV handling); LibreOffice honours
 * it too.
 */
const SEP_LINE = /^"?sep=([^\r\n"])"?[ \t]*(?:\r\n|\n|\r|$)/i;

const DELIMITERS = [',', ';', '\t'];

/**
 * Reads CSV text record by record, handing each to `onRecord`, and stops (throwing
 * CsvTooManyRecords) as soon as a record beyond `maxRecords` appears, so a huge file costs
 * no more memory than the records wanted. Blank lines are skipped. Throws CsvError (with the
 * 1-based line) for a quoted field that never closes or has text after its closing quote.
 */
export function readCsv(
  input: string,
  onRecord: (record: CsvRecord) => void,
  maxRecords: number = Number.POSITIVE_INFINITY,
): void {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let delimiter: string | undefined;
  let lineOffset = 0;
  const sep = SEP_LINE.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
    lineOffset = 1;
  }
  let count = 0;
  let failure: Error | undefined;
  let line = 1 + lineOffset;
  let scanned = 0;
  let previousEnd = 0;
  /** The 1-based line of a character offset; offsets only grow, so the text is scanned once. */
  const lineAt = (index: number) => {
    for (; scanned < index && scanned < text.length; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 10 || (c === 13 && text.charCodeAt(scanned + 1) !== 10)) line++;
    }
    return line;
  };
  Papa.parse<string[]>(text, {
    delimiter,
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: 'greedy',
    step(result, parser) {
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      if (quoteError) {
        failure = new CsvError(
          lineAt(quoteError.index ?? result.meta.cursor),
          quoteError.code === 'InvalidQuotes' ? 'after-quote' : 'unterminated-quote',
        );
        parser.abort();
        return;
      }
      count++;
      if (count > maxRecords) {
        failure = new CsvTooManyRecords(maxRecords);
        parser.abort();
        return;
      }
      const start = skipBlank(text, previousEnd);
      previousEnd = result.meta.cursor;
      onRecord({ line: lineAt(start), fields: result.data });
    },
  });
  if (failure) throw failure;
}

/** Past the line ends and blanks between one record and the next (blank lines are skipped). */
function skipBlank(text: string, from: number): number {
  let at = from;
  while (at < text.length && /[\r\n \t]/.test(text.charAt(at))) at++;
  return at;
}

/**
 * Parses all of a CSV text into records (see readCsv for what it reads and throws).
 */
export function parseCsv(input: string, maxRecords?: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  readCsv(input, (record) => records.push(record), maxRecords);
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
  return `${rows.map((row) => row.map((cell) => quote(guardCell(cell))).join(',')).join('\r\n')}\r\n`;
}
