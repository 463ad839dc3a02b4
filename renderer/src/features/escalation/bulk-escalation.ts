import type { EscalationMatrix } from '../../../../shared/escalation';
import { escalationMatrixForTicket } from '../../../../shared/contract';
import type { Mutate } from '../../app/mutations';
import type { Config } from '../../config/config-store';
import type { ServiceDeskDb } from '../../data/db';
import type { Host } from '../../host';
import { draftContext, loadDraftSources } from './draft-sources';
import { openEmlDraft, recordEscalation } from './escalate-flow';
import { defaultEscalationLevel, prepareEscalation } from './escalation-draft';

export type BulkSkip = 'not_found' | 'no_matrix' | 'top' | 'blocked' | 'refused';
export type BulkItemResult =
  | { ticketId: string; outcome: 'escalated'; level: number; levelName: string; fileName: string }
  /** The customer's own step: recorded, no draft. */
  | { ticketId: string; outcome: 'recorded'; level: number; levelName: string }
  /** Recorded, but the host refused the draft. */
  | { ticketId: string; outcome: 'handoff_failed'; level: number; levelName: string; message: string }
  | { ticketId: string; outcome: 'skipped'; reason: BulkSkip; message?: string };

export type BulkDeps = { db: ServiceDeskDb; mutate: Mutate; host: Pick<Host, 'invoke'>; config: Config; matrices: readonly EscalationMatrix[]; language: string; now: () => number };

/**
 * Escalates each ticket to its next level with one shared ask: records the event, then hands one
 * .eml per ticket to the host. Tickets that cannot be escalated are skipped with the reason; the
 * others still go ahead.
 */
export async function escalateTickets(deps: BulkDeps, ticketIds: readonly string[], ask: string): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  for (const ticketId of ticketIds) {
    const now = deps.now();
    const src = await loadDraftSources(deps.db, deps.config, ticketId, now);
    if (!src) {
      results.push({ ticketId, outcome: 'skipped', reason: 'not_found' });
      continue;
    }
    const matrix = escalationMatrixForTicket(deps.matrices, src.ticket, deps.config);
    if (!matrix) {
      results.push({ ticketId, outcome: 'skipped', reason: 'no_matrix', message: src.ticket.policyId });
      continue;
    }
    const level = defaultEscalationLevel(src.ticket, matrix);
    if (level === undefined) {
      results.push({ ticketId, outcome: 'skipped', reason: 'top' });
      continue;
    }
    const prepared = prepareEscalation(src.ticket, level, matrix, deps.language, draftContext(src, deps.config.policies.get(src.ticket.policyId), { ask, now }));
    if (prepared.kind === 'blocked') {
      results.push({ ticketId, outcome: 'skipped', reason: 'blocked', message: prepared.message });
      continue;
    }
    const r = await recordEscalation(deps.mutate, ticketId, prepared, ask, false);
    if (r.outcome !== 'applied') {
      results.push({ ticketId, outcome: 'skipped', reason: 'refused', message: r.message ?? r.outcome });
      continue;
    }
    if (prepared.kind === 'customer_step') {
      results.push({ ticketId, outcome: 'recorded', level, levelName: prepared.levelName });
      continue;
    }
    const h = await openEmlDraft(deps.host, prepared);
    results.push(h.ok ? { ticketId, outcome: 'escalated', level, levelName: prepared.levelName, fileName: prepared.fileName } : { ticketId, outcome: 'handoff_failed', level, levelName: prepared.levelName, message: h.message });
  }
  return results;
}
