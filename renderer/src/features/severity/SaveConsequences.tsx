import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { localizedLabel, pickEscalationLocale } from '../../../../shared/escalation';
import { escalationMatrixForTicket } from '../../../../shared/contract';
import type { ContractTier } from '../../../../shared/policy';
import { severityConsequences, type SeverityChange } from '../../../../shared/severity';
import type { Ticket } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';
import { useEscalationMatrices } from '../escalation';

/**
 * What saving the severity editor's change will set off: escalations (now, or the next one by
 * age), the priority before and after, targets already in the past, and the policy's re-targeting
 * rule with its reason. Computed by the same functions the save and the escalation runner use.
 */
export function SaveConsequences({ ticket, change, tier, now }: { ticket: Ticket; change: Omit<SeverityChange, 'reason'>; tier: ContractTier | undefined; now: number }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const config = useConfig();
  const matrices = useEscalationMatrices();
  const timeline = useLiveQuery(() => db.timeline.where('ticketId').equals(ticket.id).toArray(), [db, ticket.id]);
  const policy = config.policies.get(ticket.policyId);
  if (!policy || !timeline) return null;
  const matrix = escalationMatrixForTicket(matrices, ticket, config);
  let c: ReturnType<typeof severityConsequences>;
  try {
    c = severityConsequences(ticket, change, { policy, tier, calendars: config.calendars, matrix, timeline }, now);
  } catch {
    return null;
  }
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const locale = pickEscalationLocale(i18n.language);
  const levelName = (level: number) => (matrix?.levels[level - 1] ? localizedLabel(matrix.levels[level - 1]!.name, locale) : String(level));
  return (
    <section className="save-consequences" aria-label={t('severity.consequences.title')} data-testid="save-consequences">
      <h3>{t('severity.consequences.title')}</h3>
      <ul>
        <li data-testid="consequence-priority">{c.priority.from === c.priority.to ? t('severity.consequences.priorityKept', { priority: c.priority.to }) : t('severity.consequences.priority', { from: c.priority.from, to: c.priority.to })}</li>
        {c.escalations.map((e) => (
          <li key={`${e.level}-${e.now}`} data-testid={e.now ? 'consequence-escalation-now' : 'consequence-escalation-later'}>
            {e.now ? t('severity.consequences.escalateNow', { level: levelName(e.level), reason: e.reason }) : t('severity.consequences.escalateLater', { level: levelName(e.level), at: fmt.format(e.at) })}
            {e.notify ? ` ${t('severity.consequences.notifies')}` : ''}
          </li>
        ))}
        {c.pastTargets.map((p) => (
          <li key={p.kind} className="error" data-testid="consequence-past-target">{t('severity.consequences.pastTarget', { clock: t(`clocks.${p.kind}`), at: fmt.format(p.target) })}</li>
        ))}
        <li data-testid="consequence-retarget">
          {t(c.retarget.from === 'change' ? 'severity.consequences.retargetChange' : 'severity.consequences.retargetStart')}
          {c.retarget.why ? <span className="muted"> — {c.retarget.why}</span> : null}
        </li>
      </ul>
    </section>
  );
}
