import type { BackgroundService } from '../../app/background';
import { CLOSED, DueRangeCache, type TicketRow } from '../../data';
import { useSession } from '../../app/session';
import { subscribeMinute } from '../../app/use-now';
import { configContractRows, getConfig } from '../../config/config-store';
import { checkTicket, type TurnAlert } from './turn-alerts';
import { progressInstants } from './handoff-text';
import { useTurnNoticesStore } from './notices-store';

/** Open tickets checked per minute; the rest wait for the next run (the window rotates). */
const BUDGET = 1_000;
const WORKING = ['received', 'acknowledged', 'in_progress', 'waiting_customer'] as const;

/**
 * The internal hand-off steps in the background: every minute, for open tickets under a policy with
 * internal steps, tells the signed-in person when a step whose turn is theirs is nearly due or
 * breached and when an interim report they scheduled is due, and records the engineer's
 * no-progress escalation (by the system, once: the ticket's recorded fact is the memory).
 */
export const internalStepsService: BackgroundService = {
  name: 'internal-steps',
  start({ db, mutate }) {
    let cursor = 0;
    let stopped = false;
    let runs = Promise.resolve();
    // The working tickets under a policy with internal steps, held between runs: read once (in
    // background pages), then only the tickets written since. At 100k tickets reading a thousand
    // rows every minute held every ticket opened meanwhile behind it.
    let withProcess = new Set<string>();
    const cache = new DueRangeCache<TicketRow>(db, (row) => (withProcess.has(row.policyId) && (WORKING as readonly string[]).includes(row.status) ? row : undefined));
    const run = async (): Promise<void> => {
      const config = getConfig();
      withProcess = new Set([...config.policies.values()].filter((p) => p.internalProcess).map((p) => p.id));
      if (withProcess.size === 0) return;
      const held = await cache.refresh(CLOSED, config.policies);
      const now = Date.now();
      const me = useSession.getState().session.userId;
      const keys = [...held.keys()].sort();
      if (cursor >= keys.length) cursor = 0;
      const window = keys.slice(cursor, cursor + BUDGET);
      cursor += BUDGET;
      const full = { policies: config.policies, calendars: config.calendars, ...configContractRows(config) };
      const alerts: TurnAlert[] = [];
      for (const ticket of window.map((id) => held.get(id))) {
        if (!ticket || !withProcess.has(ticket.policyId) || stopped) continue;
        const found = checkTicket(ticket, full, me, now);
        if (!found) continue;
        alerts.push(...found.alerts);
        if (!found.escalationMaybeDue) continue;
        const progressAt = progressInstants(await db.timeline.where('ticketId').equals(ticket.id).toArray());
        const r = await mutate('ticket.escalateNoProgress@1', { ticketId: ticket.id, progressAt: progressAt.slice(-1_000) });
        if (r.outcome !== 'applied' && r.refusal?.code !== 'internal_not_due') console.warn(`no-progress escalation of ${ticket.id} not recorded: ${r.message ?? r.outcome}`);
      }
      useTurnNoticesStore.getState().add(alerts);
    };
    const trigger = (): void => {
      runs = runs.then(() => (stopped ? undefined : run())).catch((e: unknown) => console.error('internal steps check failed', e));
    };
    trigger();
    const off = subscribeMinute(trigger);
    return () => {
      stopped = true;
      off();
      cache.stop();
    };
  },
};
