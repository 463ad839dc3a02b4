// Internal steps in the reports: met/breached per step, counted apart from the customer SLA clocks
// (these are the team's own hand-off times, never a promise to the customer).
import type { ContractConfig } from '../contract/entitlement';
import type { Ticket } from '../ticket/schema';
import { internalStatus } from './clocks';
import { internalContext } from './meter';

export type InternalStepTally = { step: string; from: string; to: string; met: number; breached: number; running: number; metPercent: number | null };
export type InternalStepsSummary = { tickets: number; steps: InternalStepTally[] };

/**
 * Per step: met and breached count when the step finished in the period, or (breached) when it is
 * still open and its deadline fell in the period; running steps not yet due are counted apart.
 * Tickets whose policy defines no internal process are not counted. Steps keep the process order.
 */
export function summarizeInternalSteps(tickets: readonly Ticket[], config: ContractConfig, period: { from?: number | undefined; to?: number | undefined }, now: number): InternalStepsSummary {
  const inPeriod = (t: number) => (period.from === undefined || t >= period.from) && (period.to === undefined || t < period.to);
  const byStep = new Map<string, InternalStepTally>();
  let count = 0;
  for (const ticket of tickets) {
    const ctx = internalContext(ticket, config);
    if (!ctx) continue;
    count++;
    for (const c of internalStatus(ticket, ctx.process, ctx.meter, now).clocks) {
      let row = byStep.get(c.step);
      if (!row) byStep.set(c.step, (row = { step: c.step, from: c.from, to: c.to, met: 0, breached: 0, running: 0, metPercent: null }));
      if (c.completedAt !== undefined) {
        if (inPeriod(c.completedAt)) row[c.state === 'met' ? 'met' : 'breached']++;
      } else if (c.state === 'breached' && c.target !== undefined && inPeriod(c.target)) row.breached++;
      else if (c.state === 'running') row.running++;
    }
  }
  const steps = [...byStep.values()];
  for (const s of steps) s.metPercent = s.met + s.breached === 0 ? null : Math.round((s.met / (s.met + s.breached)) * 1000) / 10;
  return { tickets: count, steps };
}
