import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { backupTableNames, type BackupOutboxEntry, type BackupSummary, type BackupSyncServer, type ImportAssessment } from '../../../../shared/backup';
import { clientShortId } from '../../../../shared/ticket';
import { useServices } from '../../app/services';

type Props = {
  fileName: string;
  summary: BackupSummary;
  syncServer: BackupSyncServer | undefined;
  assessment: ImportAssessment;
  confirmMerge: boolean;
  onConfirmMerge: (v: boolean) => void;
  /** The backup's unsynced changes, listed so the user decides whether they are sent from here. */
  pendingChanges: readonly BackupOutboxEntry[];
  applyPending: boolean;
  onApplyPending: (v: boolean) => void;
  children: ReactNode;
};

const SHOWN_PENDING = 20;

/** What a picked backup holds and how it would go into this profile, before anything is written. */
export function BackupPreview({ fileName, summary, syncServer, assessment, confirmMerge, onConfirmMerge, pendingChanges, applyPending, onApplyPending, children }: Props) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const userId = summary.actor?.userId;
  const person = useLiveQuery(async () => (userId ? await db.engineers.get(userId) : undefined), [db, userId]);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(summary.exportedAt);
  const who = person?.name ?? userId ?? t('backup.unknownUser');
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <div className="backup-preview" data-testid="backup-preview">
      <h4 className="mono">{fileName}</h4>
      <p>{t('backup.exportedBy', { when, who, device: summary.clientId ? clientShortId(summary.clientId) : '—' })}</p>
      {syncServer && <p className="muted">{t('backup.syncedWith', { server: syncServer.baseUrl, email: syncServer.email })}</p>}
      <table className="backup-counts">
        <tbody>
          {backupTableNames.map((name) => (
            <tr key={name} data-table={name}>
              <th scope="row">{t(`backup.tables.${name}`)}</th>
              <td>{nf.format(summary.counts[name])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={summary.pending ? 'backup-pending' : 'muted'} data-testid="backup-pending">{t('backup.pending', { count: summary.pending })}</p>
      {pendingChanges.length > 0 && (
        <div className="backup-warning" data-testid="backup-pending-changes">
          <ul className="mono">
            {pendingChanges.slice(0, SHOWN_PENDING).map((e) => (
              <li key={`${e.clientId}/${e.id}`}>{e.name} — {new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(e.clientTime)}</li>
            ))}
            {pendingChanges.length > SHOWN_PENDING && <li>{t('backup.pendingMore', { count: pendingChanges.length - SHOWN_PENDING })}</li>}
          </ul>
          <label className="backup-check">
            <input type="checkbox" checked={applyPending} onChange={(e) => onApplyPending(e.target.checked)} />
            {t('backup.applyPending', { count: pendingChanges.length })}
          </label>
          {!applyPending && <p className="muted">{t('backup.pendingLeftOut')}</p>}
        </div>
      )}
      <p>{assessment.mode === 'wholesale' ? t('backup.modeWholesale') : t('backup.modeMerge')}</p>
      {assessment.needsConfirmation && (
        <div className="backup-warning" role="alert">
          <p>{t('backup.needsConfirmation', { count: assessment.localPending })}</p>
          <label className="backup-check">
            <input type="checkbox" checked={confirmMerge} onChange={(e) => onConfirmMerge(e.target.checked)} />
            {t('backup.confirmMerge')}
          </label>
        </div>
      )}
      {children}
    </div>
  );
}
