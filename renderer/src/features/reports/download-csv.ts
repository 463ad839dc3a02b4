import { downloadBlob } from '../../host';

/**
 * Saves CSV text as a file. The BOM lets spreadsheet programs read the UTF-8 names (Chinese,
 * Bulgarian) correctly; CSV readers skip it.
 */
export function downloadCsv(fileName: string, csv: string): void {
  downloadBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** "sla-compliance-first_response-severity-2026-06-15.csv": what, how grouped, and when (local date). */
export function csvFileName(parts: readonly string[], now: number): string {
  const d = new Date(now);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${[...parts, date].join('-').replace(/[^A-Za-z0-9_.-]+/g, '_')}.csv`;
}
