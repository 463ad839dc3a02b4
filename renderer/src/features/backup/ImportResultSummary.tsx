import { useTranslation } from 'react-i18next';
import type { ImportResult } from './import-backup';

/** What an import did: rows written or kept, pending changes queued and under which numbering. */
export function ImportResultSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <div className="backup-result" role="status" data-testid="backup-result">
      <p><strong>{t('backup.result.done')}</strong> {t(result.mode === 'wholesale' ? 'backup.result.wholesale' : 'backup.result.merged', { written: result.rowsWritten, kept: result.rowsKept })}</p>
      {result.droppedPending > 0 ? <p>{t('backup.result.dropped', { count: result.droppedPending })}</p> : <p>{t(`backup.result.${result.how}`, { count: result.queued, skipped: result.skipped })}</p>}
      {result.cursorRestored && <p className="muted">{t('backup.result.cursor')}</p>}
    </div>
  );
}
