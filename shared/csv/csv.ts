/** A CSV syntax problem, with the 1-based record (row) number where it happened. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly row: number,
    detail: string,
  ) {
    super(`row ${row}: ${detail}`);
  }
}

/**
 * Parses RFC 4180 CSV: quoted fields with "" escapes, commas, CRLF (or LF) record ends and line
 * breaks inside quotes. A leading BOM (Excel) is ignored. Record numbers are 1-based, counting
 * the header, so they match what a spreadsheet shows even when fields span lines.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === '') {
      const start = records.length + 1;
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvSyntaxError(start, 'a quoted field is never closed');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += src[i];
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new CsvSyntaxError(start, 'text after a closing quote (write "" for a quote inside a quoted field)');
      continue;
    }
    if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '"') {
      throw new CsvSyntaxError(records.length + 1, 'a quote inside an unquoted field (quote the whole field)');
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

function quote(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

// Spreadsheets run a cell that starts with = + - @ (and, in some, a tab or CR before one) as a
// formula: a synced product line "=HYPERLINK(…)" would run in whoever opens the export. Such a
// cell gets a leading apostrophe, which spreadsheets read as "this is text". Plain numbers
// ("-5", "12.5") cannot be formulas and stay numbers. A cell that already starts with
// apostrophes before a trigger gets one more, so reading it back is exact.
const formulaTrigger = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+(\.\d+)?$/;

function startsLikeFormula(cell: string): boolean {
  if (plainNumber.test(cell)) return false;
  if (formulaTrigger.test(cell)) return true;
  return cell.startsWith("'") && startsLikeFormula(cell.slice(1));
}

/** The cell as written to CSV: text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseFormulaCell(cell: string): string {
  return startsLikeFormula(cell) ? `'${cell}` : cell;
}

/** Undoes neutraliseFormulaCell when reading our own CSV back (e.g. an edited escalation matrix). */
export function restoreFormulaCell(cell: string): string {
  return cell.startsWith("'") && startsLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Writes RFC 4180 CSV with CRLF record ends, quoting only fields that need it. Every export goes
 * through here, so every export is safe to open in a spreadsheet (see neutraliseFormulaCell).
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((cell) => quote(neutraliseFormulaCell(cell))).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}

/** Parses CSV this app wrote (possibly edited in a spreadsheet) back into the original cells. */
export function readCsv(text: string): string[][] {
  return parseCsv(text).map((record) => record.map(restoreFormulaCell));
}
