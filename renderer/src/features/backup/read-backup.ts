import { backupTableNames, checkBackupHeader, checkBackupRows, finishBackupValidation, MAX_BACKUP_ISSUES, summarizeBackup, type BackupFile, type BackupIssue, type BackupSummary } from '../../../../shared/backup';

export type BackupProgress = { phase: 'reading' | 'checking' | 'writing'; done: number; total: number };
export type OnProgress = (p: BackupProgress) => void;

export type ReadBackupResult = { ok: true; file: BackupFile; summary: BackupSummary } | { ok: false; issues: BackupIssue[]; truncated: boolean };

/** Rows validated between two yields to the UI (so a progress bar can move on a 100k-ticket file). */
const CHECK_CHUNK = 2000;

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Parses and validates a backup file's text, row by row with progress. Nothing is written here:
 * the result is either the typed file with its summary (for the preview) or every issue found.
 */
export async function readBackupText(text: string, storeSchemaVersion: number, onProgress?: OnProgress): Promise<ReadBackupResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, truncated: false, issues: [{ message: `the file is not valid JSON (${e instanceof Error ? e.message : String(e)})` }] };
  }
  const head = checkBackupHeader(raw, storeSchemaVersion);
  if (!head.ok) return { ok: false, issues: head.issues, truncated: false };
  const total = backupTableNames.reduce((n, t) => n + head.tables[t].length, 0);
  const issues: BackupIssue[] = [];
  let done = 0;
  onProgress?.({ phase: 'checking', done, total });
  for (const name of backupTableNames) {
    const rows = head.tables[name];
    for (let from = 0; from < rows.length && issues.length < MAX_BACKUP_ISSUES; from += CHECK_CHUNK) {
      checkBackupRows(name, rows, from, from + CHECK_CHUNK, issues);
      done += Math.min(CHECK_CHUNK, rows.length - from);
      onProgress?.({ phase: 'checking', done, total });
      await yieldToUi();
    }
  }
  const result = finishBackupValidation(head.header, head.tables, issues);
  return result.ok ? { ok: true, file: result.file, summary: summarizeBackup(result.file) } : result;
}

/** Reads a picked file as text, then validates it. */
export async function readBackupFile(file: Blob, storeSchemaVersion: number, onProgress?: OnProgress): Promise<ReadBackupResult> {
  onProgress?.({ phase: 'reading', done: 0, total: file.size });
  const text = await file.text();
  onProgress?.({ phase: 'reading', done: file.size, total: file.size });
  return readBackupText(text, storeSchemaVersion, onProgress);
}
