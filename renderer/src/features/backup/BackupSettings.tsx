import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BackupIssue, ImportAssessment } from '../../../../shared/backup';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { getActor } from '../../data';
import { downloadBlob } from './download';
import { exportBackup, type ExportedBackup } from './export-backup';
import { assessBackupImport, importBackup, ImportRefusedError, type ImportResult } from './import-backup';
import { checkImportSize } from '../../../../shared/import-limits';
import { readBackupFile, type BackupProgress, type ReadBackupResult } from './read-backup';
import { BackupPreview } from './BackupPreview';
import { ImportResultSummary } from './ImportResultSummary';
import './backup.css';

type Picked = { name: string; read: ReadBackupResult; assessment?: ImportAssessment };

function ProgressLine({ progress }: { progress: BackupProgress }) {
  const { t } = useTranslation();
  return (
    <div className="backup-progress" role="status">
      <progress max={progress.total || 1} value={progress.done} aria-label={t(`backup.phase.${progress.phase}`)} />
      <span className="muted">{t(`backup.phase.${progress.phase}`)} {progress.phase !== 'reading' && t('backup.progress', { done: progress.done, total: progress.total })}</span>
    </div>
  );
}

function IssueList({ issues, truncated }: { issues: BackupIssue[]; truncated: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="backup-issues" role="alert">
      <p className="error">{t('backup.invalid')}</p>
      <ul>
        {issues.map((i, n) => (
          <li key={n} className="mono">
            {i.table === undefined ? i.message : i.index === undefined ? t('backup.issueTable', { table: i.table, message: i.message }) : t('backup.issueRow', { table: i.table, row: i.index + 1, id: i.id ?? '—', message: i.message })}
          </li>
        ))}
      </ul>
      {truncated && <p className="muted">{t('backup.moreIssues')}</p>}
    </div>
  );
}

/** Settings > Backup: export the whole local store to one file, or import one with a preview. */
export function BackupSettings() {
  const { t } = useTranslation();
  const { db } = useServices();
  const setSession = useSession((s) => s.setSession);
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const [exported, setExported] = useState<ExportedBackup | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [confirmMerge, setConfirmMerge] = useState(false);
  const [applyPending, setApplyPending] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState('');

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (e) {
      setError(e instanceof ImportRefusedError ? t('backup.refused', { count: e.assessment.localPending }) : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const onExport = () =>
    void run(async () => {
      const out = await exportBackup(db);
      downloadBlob(out.blob, out.fileName);
      setExported(out);
    });

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setPicked(null);
    setResult(null);
    setConfirmMerge(false);
    setApplyPending(false);
    if (!file) return;
    const size = checkImportSize('backup', file.size);
    if (!size.ok) {
      setError(t('common.fileTooLarge', { file: file.name, size: size.size, limit: size.limit }));
      return;
    }
    void run(async () => {
      const read = await readBackupFile(file, db.verno, setProgress);
      setPicked({ name: file.name, read, ...(read.ok ? { assessment: await assessBackupImport(db, read.file) } : {}) });
    });
  };

  const onImport = () =>
    void run(async () => {
      if (!picked?.read.ok) return;
      const r = await importBackup(db, picked.read.file, { confirmMerge, applyPending, onProgress: setProgress });
      setSession(await getActor(db));
      setResult(r);
      setPicked(null);
    });

  const canImport = !!picked?.read.ok && !!picked.assessment && (!picked.assessment.needsConfirmation || confirmMerge) && !busy;
  return (
    <section className="settings-section backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.explain')}</p>

      <h3>{t('backup.exportTitle')}</h3>
      <p>{t('backup.exportExplain', { count: pending })}</p>
      <button type="button" className="primary" disabled={busy} onClick={onExport}>{t('backup.export')}</button>
      {exported && <p role="status" data-testid="backup-exported">{t('backup.exported', { file: exported.fileName, tickets: exported.counts.tickets, count: exported.pending })}</p>}

      <h3>{t('backup.importTitle')}</h3>
      <p className="muted">{t('backup.importExplain')}</p>
      <label>
        {t('backup.file')}
        <input type="file" accept="application/json,.json" aria-label={t('backup.file')} disabled={busy} onChange={onPick} />
      </label>
      {progress && <ProgressLine progress={progress} />}
      {picked && !picked.read.ok && <IssueList issues={picked.read.issues} truncated={picked.read.truncated} />}
      {picked?.read.ok && picked.assessment && (
        <BackupPreview fileName={picked.name} summary={picked.read.summary} syncServer={picked.read.file.syncServer} assessment={picked.assessment} confirmMerge={confirmMerge} onConfirmMerge={setConfirmMerge} pendingChanges={picked.read.file.tables.outbox} applyPending={applyPending} onApplyPending={setApplyPending}>
          <div className="row">
            <button type="button" className="primary" disabled={!canImport} onClick={onImport}>{t('backup.confirm')}</button>
            <button type="button" disabled={busy} onClick={() => setPicked(null)}>{t('backup.cancel')}</button>
          </div>
        </BackupPreview>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {result && <ImportResultSummary result={result} />}
    </section>
  );
}
