import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { escalationMatrixForTicket } from '../../../../shared/contract';
import { useRouter } from '../../app/router';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';
import { draftContext, loadDraftSources } from './draft-sources';
import { openEmlDraft } from './escalate-flow';
import { prepareEscalation } from './escalation-draft';
import { useEscalationNoticesStore, type EscalationNotice } from './notices-store';
import { useEscalationMatrices } from './use-escalation-matrices';
import './escalation.css';

/** Opens the prepared draft of a recorded automatic escalation; resolves to an error text or null. */
function useOpenNoticeDraft(): (n: EscalationNotice) => Promise<string | null> {
  const { t, i18n } = useTranslation();
  const { db, host } = useServices();
  const config = useConfig();
  const matrices = useEscalationMatrices();
  return async (n) => {
    const now = Date.now();
    const src = await loadDraftSources(db, config, n.ticketId, now);
    const matrix = src && escalationMatrixForTicket(matrices, src.ticket, config);
    if (!src || !matrix || n.level > matrix.levels.length) return t('escalation.notices.noDraft');
    const prepared = prepareEscalation(src.ticket, n.level, matrix, i18n.language, draftContext(src, config.policies.get(src.ticket.policyId), { ask: n.reason, now }));
    if (prepared.kind !== 'draft') return prepared.kind === 'blocked' ? t('escalation.blocked', { reason: prepared.message }) : t('escalation.customerStepExplain');
    const r = await openEmlDraft(host, prepared);
    return r.ok ? null : t('escalation.handoffFailed', { message: r.message });
  };
}

/** This session's automatic escalations: pop-up items, plus a count of those quiet hours held back. */
export function EscalationNotices() {
  const { t, i18n } = useTranslation();
  const { notices, dismiss, clear } = useEscalationNoticesStore();
  const navigate = useRouter((s) => s.navigate);
  const openDraft = useOpenNoticeDraft();
  const [showQuiet, setShowQuiet] = useState(false);
  // Collapsed to one line by default: a burst after start-up must not cover the work area.
  const [expanded, setExpanded] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (notices.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const quiet = notices.filter((n) => n.quiet);
  const shown = showQuiet ? notices : notices.filter((n) => !n.quiet);
  const draft = async (n: EscalationNotice) => {
    const error = await openDraft(n);
    setErrors((e) => ({ ...e, [n.key]: error ?? '' }));
  };
  return (
    <aside className="esc-notices" aria-label={t('escalation.notices.title')} role="status" data-testid="escalation-notices">
      <header>
        <strong>{t('escalation.notices.title')}</strong>
        <button type="button" className="link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('escalation.notices.hide') : t('escalation.notices.show', { count: shown.length })}
        </button>
        {quiet.length > 0 && (
          <button type="button" className="link" onClick={() => setShowQuiet(!showQuiet)}>
            {t('escalation.notices.held', { count: quiet.length })}
          </button>
        )}
        <button type="button" className="link" onClick={clear}>{t('escalation.notices.clear')}</button>
      </header>
      {expanded && (
      <ul>
        {shown.map((n) => (
          <li key={n.key}>
            <div>
              <time className="muted">{time.format(n.at)}</time> {t('escalation.notices.item', { id: n.ticketId, level: n.levelName, reason: n.reason })}
            </div>
            {n.recipients.length > 0 && <div className="mono">{t('escalation.notices.to', { to: n.recipients.join(', ') })}</div>}
            {n.gap && <div className="error">{t('escalation.notices.gap', { reason: n.gap })}</div>}
            {errors[n.key] && <div className="error" role="alert">{errors[n.key]}</div>}
            <div className="esc-actions">
              <button type="button" onClick={() => navigate({ screen: 'ticket', id: n.ticketId })}>{t('escalation.notices.open')}</button>
              {!n.gap && <button type="button" onClick={() => void draft(n)}>{t('escalation.notices.draft')}</button>}
              <button type="button" className="link" onClick={() => dismiss(n.key)}>{t('escalation.notices.dismiss')}</button>
            </div>
          </li>
        ))}
      </ul>
      )}
    </aside>
  );
}
