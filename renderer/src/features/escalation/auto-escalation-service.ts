import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueEscalation } from '../../../../shared/escalation';
import { useServices } from '../../app/services';
import { useMutations } from '../../app/mutations';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { runAutoEscalation, type AutoRunState } from './auto-run';
import { useEscalationNoticesStore } from './notices-store';
import { mayNotify } from './quiet-hours';

/**
 * Automatic escalation for the whole app (mount once): every minute and on each SLA alert from the
 * host, records the due levels of breached or aged open tickets, each level once (the timeline
 * events are the memory, so a reload never repeats one), and lists them in EscalationNotices.
 */
export function useAutoEscalation(): void {
  const { db, host } = useServices();
  const mutate = useMutations();
  const config = useConfig();
  const minute = useMinute();
  const { t, i18n } = useTranslation();
  const addNotices = useEscalationNoticesStore((s) => s.add);
  const state = useRef<AutoRunState>({});
  const [alerts, setAlerts] = useState(0);

  useEffect(() => host.on('sla.alerts', () => setAlerts((n) => n + 1)), [host]);

  useEffect(() => {
    // An alert fires at the breach instant, which is after the minute tick: use the real time.
    const now = Date.now();
    const describe = (due: DueEscalation) =>
      due.trigger.kind === 'clock_breached'
        ? t('escalation.auto.clockBreached', { clock: t(`clocks.${due.trigger.clock}`) })
        : t('escalation.auto.aged', { hours: Math.round((due.trigger.minutes / 60) * 10) / 10, severity: due.trigger.severity });
    const run = async () => {
      const recorded = await runAutoEscalation(db, mutate, { policies: config.policies, calendars: config.calendars, now, language: i18n.language, describe, state: state.current });
      const applied = recorded.filter((r) => r.outcome === 'applied');
      if (applied.length === 0) return;
      const settings = await host.invoke('notifications.getSettings', {}).catch(() => undefined);
      addNotices(
        applied.map((r) => ({
          key: `${r.ticketId}:${r.level}:${r.at}`,
          ticketId: r.ticketId,
          level: r.level,
          levelName: r.levelName,
          recipients: r.recipients,
          ...(r.missing ? { gap: r.missing.message } : {}),
          reason: describe(r.due),
          at: r.at,
          quiet: !mayNotify(settings, r, r.due.notify, new Date(now)),
        })),
      );
    };
    run().catch((e: unknown) => console.error('automatic escalation failed', e));
  }, [minute, alerts, db, host, mutate, config, t, i18n.language, addNotices]);
}
