import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pendingRef, type PendingRef } from '../../data';
import { escalationMatrixForTicket } from '../../../../shared/contract';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';
import { draftContext } from './draft-sources';
import { openEmlDraft, recordEscalation, undoEscalation } from './escalate-flow';
import { defaultEscalationLevel, levelOptions, prepareEscalation } from './escalation-draft';
import type { EscalateDialogProps } from './EscalateDialog';
import { useEscalationMatrices } from './use-escalation-matrices';
import { useRegisterCommands } from '../palette';

/** How long the undo stays offered after a one-click escalation. */
export const UNDO_MS = 8_000;

type Recorded = { change: PendingRef; levelName: string; handOff: string };
type Notice = { tone: 'ok' | 'error'; text: string } | null;

/**
 * One click escalates to the pre-selected next level: records it, opens the mail draft and offers
 * an undo for a few seconds. The dialog (for what was tried and the ask) stays one click away.
 */
export function EscalateNowButton({ ticket, timeline, customer, engineers, clocks }: Omit<EscalateDialogProps, 'onClose'>) {
  const { t, i18n } = useTranslation();
  const { db, host } = useServices();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const config = useConfig();
  const matrices = useEscalationMatrices();
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!recorded) return;
    const timer = setTimeout(() => setRecorded(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [recorded]);
  const matrix = escalationMatrixForTicket(matrices, ticket, config);
  const level = matrix ? defaultEscalationLevel(ticket, matrix) : undefined;
  const option = matrix && level !== undefined && ticket.status !== 'closed' ? levelOptions(ticket, matrix, engineers, i18n.language).find((o) => o.level === level) : undefined;
  const usable = option !== undefined && option.blocked === undefined && !busy;
  useRegisterCommands('ticket-escalate-now', usable ? [{ id: 'escalate-now', labelKey: 'escalation.now', labelArgs: { level: option.name }, keys: 'e', run: () => void escalate() }] : []);
  if (!matrix || level === undefined || !option) return null;

  async function escalate() {
    if (!matrix || level === undefined) return;
    setBusy(true);
    setNotice(null);
    try {
      const prepared = prepareEscalation(ticket, level, matrix, i18n.language, draftContext({ ticket, timeline, customer, engineers, clocks }, config.policies.get(ticket.policyId), { tried: '', ask: '', now: Date.now() }));
      if (prepared.kind === 'blocked') return setNotice({ tone: 'error', text: t('escalation.blocked', { reason: prepared.message }) });
      const r = await recordEscalation(mutate, ticket.id, prepared, '', false);
      if (r.outcome !== 'applied' || r.mutationId === undefined) return setNotice({ tone: 'error', text: t('escalation.refused', { message: outcomeText(r, r.outcome) }) });
      let handOff = '';
      if (prepared.kind === 'draft') {
        const h = await openEmlDraft(host, prepared);
        handOff = h.ok ? (host.kind === 'web' ? t('escalation.nowDownloaded', { file: prepared.fileName }) : t('escalation.nowOpened')) : t('escalation.handoffFailed', { message: h.message });
      }
      setRecorded({ change: pendingRef(r.mutationId), levelName: prepared.levelName, handOff });
    } finally {
      setBusy(false);
    }
  }
  const undo = async () => {
    if (!recorded) return;
    setRecorded(null);
    const r = await undoEscalation(db, mutate, { change: recorded.change, ticketId: ticket.id }, t('escalation.correctionNote', { level: recorded.levelName }));
    setNotice(r === 'failed' ? { tone: 'error', text: t('escalation.undoFailed') } : { tone: 'ok', text: t(r === 'withdrawn' ? 'escalation.withdrawn' : 'escalation.corrected', { level: recorded.levelName }) });
  };

  return (
    <>
      <button type="button" className="primary" data-testid="escalate-now" disabled={busy || option.blocked !== undefined} title={option.blocked ? t('escalation.blocked', { reason: option.blocked }) : undefined} onClick={() => void escalate()}>
        {t('escalation.now', { level: option.name })}
      </button>
      {recorded && (
        <span role="status" className="esc-ok esc-undo" data-testid="escalate-now-status">
          {t('escalation.nowDone', { level: recorded.levelName })} {recorded.handOff}
          <button type="button" className="link" onClick={() => void undo()}>{t('escalation.undo')}</button>
        </span>
      )}
      {notice && (
        <span role={notice.tone === 'error' ? 'alert' : 'status'} className={notice.tone === 'error' ? 'error' : 'esc-ok'} data-testid="escalate-now-status">
          {notice.text}
        </span>
      )}
    </>
  );
}
