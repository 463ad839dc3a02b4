import { importEscalationMatrixCsv, importEscalationMatrixJson, type EscalationMatrix, type MatrixImportError, type MatrixImportResult } from '../../../../shared/escalation';

/** One import problem as the settings screen lists it: where (row/column or path) and what. */
export type ImportProblem = { where: { row: number; column?: string } | { path: string } | null; message: string };

/** Keeps the core's row and column (CSV) or path (JSON) so the screen can name them in the UI language. */
export function importProblems(errors: readonly MatrixImportError[]): ImportProblem[] {
  return errors.map((e) => ({
    where: e.row !== undefined ? { row: e.row, ...(e.column ? { column: e.column } : {}) } : e.path ? { path: e.path } : null,
    message: e.message,
  }));
}

export type ImportFormat = 'json' | 'csv';

/** The format from the file name, else from the first character (JSON starts with "{"). */
export function detectFormat(fileName: string, text: string): ImportFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text.trimStart().startsWith('{') ? 'json' : 'csv';
}

/** Imports a file: JSON is a whole matrix, CSV replaces the routing tables of `base`. */
export function importMatrixFile(fileName: string, text: string, base: EscalationMatrix | undefined): MatrixImportResult {
  const format = detectFormat(fileName, text.replace(/^\uFEFF/, ''));
  const clean = text.replace(/^\uFEFF/, '');
  if (format === 'json') return importEscalationMatrixJson(clean);
  if (!base) return { ok: false, errors: [{ message: 'choose the matrix the CSV belongs to', text: 'choose the matrix the CSV belongs to' }] };
  return importEscalationMatrixCsv(clean, base);
}
