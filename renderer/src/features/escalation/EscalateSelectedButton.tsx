import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';
import { escalateTickets, type BulkItemResult } from './bulk-escalation';
import { useEscalationMatrices } from './use-escalation-matrices';
import './escalation.css';
import { useRegisterCommands } from '../palette';

function line(r: BulkItemResult, t: (k: string, o?: Record<string, unknown>) => string): string {
  switch (r.outcome) {
    case 'escalated':
      return t('escalation.bulk.escalated', { id: r.ticketId, level: r.levelName, file: r.fileName });
    case 'recorded':
      return t('escalation.bulk.recorded', { id: r.ticketId, level: r.levelName });
    case 'handoff_failed':
      return t('escalation.bulk.handoffFailed', { id: r.ticketId, level: r.levelName, message: r.message });
    case 'skipped':
      return t(`escalation.bulk.skip.${r.reason}`, { id: r.ticketId, message: r.message ?? '' });
  }
}

/** Escalates every selected ticket to its next level with one shared ask (for the queue's bulk bar). */
export function EscalateSelectedButton({ ticketIds, onDone }: { ticketIds: string[]; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const { db, host } = useServices();
  const mutate = useMutations();
  const config = useConfig();
  const matrices = useEscalationMatrices();
  const [open, setOpen] = useState(false);
  const [ask, setAsk] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BulkItemResult[]>([]);

  useRegisterCommands('bulk-escalate', ticketIds.length > 0 ? [{ id: 'bulk-escalate', labelKey: 'commands.bulkEscalate', keys: 'b e', run: () => setOpen(true) }] : []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      setResults(await escalateTickets({ db, mutate, host, config, matrices, language: i18n.language, now: Date.now }, ticketIds, ask));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} disabled={ticketIds.length === 0} data-testid="escalate-selected">
        {t('escalation.bulk.button', { count: ticketIds.length })}
      </button>
    );
  }
  return (
    <form className="esc-bulk" onSubmit={(e) => void submit(e)} aria-label={t('escalation.bulk.title')}>
      <input autoFocus aria-label={t('escalation.ask')} placeholder={t('escalation.askPlaceholder')} value={ask} onChange={(e) => setAsk(e.target.value)} size={40} />
      <button type="submit" className="primary" disabled={busy}>{t('escalation.bulk.confirm', { count: ticketIds.length })}</button>
      <button type="button" onClick={() => (setOpen(false), setResults([]), onDone?.())}>{t('common.close')}</button>
      {results.length > 0 && (
        <ul role="status" className="esc-bulk-results">
          {results.map((r) => (
            <li key={r.ticketId} className={r.outcome === 'skipped' || r.outcome === 'handoff_failed' ? 'error' : undefined}>{line(r, t)}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
