import i18next from 'i18next';
import type { DueEscalation } from '../../../../shared/escalation';
import type { BackgroundService } from '../../app/background';
import { subscribeMinute } from '../../app/use-now';
import { configContractRows, getConfig, useConfigStore } from '../../config/config-store';
import { releaseAutoRunState, runAutoEscalation, type AutoRunState } from './auto-run';
import { useEscalationNoticesStore } from './notices-store';
import { mayNotify } from './quiet-hours';

/**
 * Automatic escalation for the whole app: every minute, on each SLA alert from the host and when
 * the configuration or the language changes, records the due levels of breached or aged open
 * tickets, each level once (the timeline events are the memory, so a reload never repeats one),
 * and lists them in EscalationNotices. Runs one after another, never two at once.
 */
export const autoEscalationService: BackgroundService = {
  name: 'auto-escalation',
  start({ db, host, mutate }) {
    const state: AutoRunState = {};
    let runs = Promise.resolve();
    let stopped = false;
    const run = async (): Promise<void> => {
      // An alert fires at the breach instant, which is after the minute tick: use the real time.
      const now = Date.now();
      const t = i18next.t.bind(i18next);
      const describe = (due: DueEscalation) =>
        due.trigger.kind === 'clock_breached'
          ? t('escalation.auto.clockBreached', { clock: t(`clocks.${due.trigger.clock}`) })
          : t('escalation.auto.aged', { hours: Math.round((due.trigger.minutes / 60) * 10) / 10, severity: due.trigger.severity });
      const config = getConfig();
      const recorded = await runAutoEscalation(db, mutate, { policies: config.policies, calendars: config.calendars, contracts: configContractRows(config), now, language: i18next.language, describe, state });
      const applied = recorded.filter((r) => r.outcome === 'applied');
      if (applied.length === 0) return;
      const settings = await host.invoke('notifications.getSettings', {}).catch(() => undefined);
      useEscalationNoticesStore.getState().add(
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
    // Triggers that arrive while a run waits to start share it: the host fires a launch's backlog
    // of alerts one event at a time, and a run per event re-read the candidates' rows each time.
    let queued = false;
    const trigger = (): void => {
      if (queued) return;
      queued = true;
      runs = runs
        .then(() => {
          queued = false;
          return stopped ? undefined : run();
        })
        .catch((e: unknown) => console.error('automatic escalation failed', e));
    };
    trigger();
    const offs = [subscribeMinute(trigger), host.on('sla.alerts', trigger), useConfigStore.subscribe(trigger)];
    i18next.on('languageChanged', trigger);
    return () => {
      stopped = true;
      offs.forEach((off) => off());
      i18next.off('languageChanged', trigger);
      void runs.then(() => releaseAutoRunState(state));
    };
  },
};
