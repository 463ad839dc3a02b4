// Reads what the report needs from the local store in bulk: every ticket in one getAll, visits,
// and the timeline in primary-key pages keeping only escalation and visit events (the timeline
// has no index on kind, and holding every note of 100k tickets at once would waste memory).
import type { ServiceDeskDb } from '../../data/db';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import type { ReportVisit } from '../../../../shared/reports';

export type ReportData = { tickets: Ticket[]; timeline: TimelineEvent[]; visits: ReportVisit[] };

const PAGE = 20_000;

function isReportVisit(row: Record<string, unknown>): row is ReportVisit & Record<string, unknown> {
  return typeof row.id === 'string' && typeof row.status === 'string';
}

/** Loads every ticket and visit; rows that are not visits are skipped. */
export async function loadTicketsAndVisits(db: ServiceDeskDb): Promise<Pick<ReportData, 'tickets' | 'visits'>> {
  const [tickets, visitRows] = await Promise.all([db.tickets.toArray(), db.visits.toArray()]);
  return { tickets, visits: visitRows.filter(isReportVisit) };
}

/** Loads the escalation and visit events of the timeline. */
export async function loadReportEvents(db: ServiceDeskDb): Promise<TimelineEvent[]> {
  const timeline: TimelineEvent[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? db.timeline.orderBy(':id') : db.timeline.where(':id').above(after)).limit(PAGE).toArray();
    for (const e of page) if (e.kind === 'escalated' || e.kind === 'visit') timeline.push(e);
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.id;
  }
  return timeline;
}
