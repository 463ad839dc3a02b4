// Reads what the report needs from the local store: every ticket and visit, and the escalation
// and visit events of the timeline (by the [kind+id] index: the notes and alerts, nine rows in ten
// at 100k tickets, are never read). After the first read only the rows written since are read again.
import Dexie from 'dexie';
import type { ServiceDeskDb } from '../../data/db';
import { backgroundTurn } from '../../data/foreground';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import type { ReportVisit } from '../../../../shared/reports';
import type { ReportChanges, ReportTable } from './report-protocol';

/** The report's rows by id, so that changed rows can be replaced in place. */
export type ReportData = { tickets: Map<string, Ticket>; visits: Map<string, ReportVisit>; timeline: Map<string, TimelineEvent> };

/** Page size and the pause between pages, asked before each page so a background read can speed up once someone waits. */
export type ReadPace = { page: () => number; pause: () => Promise<void> };
export const foregroundPace: ReadPace = { page: () => 20_000, pause: () => Promise.resolve() };

/** About 1 MB of tickets per background page. */
const BACKGROUND_PAGE = 1_000;
/** Between background pages: long enough for reads queued meanwhile to be served first. */
const BACKGROUND_PAUSE_MS = 20;

/**
 * Small pages with a pause between them, so the page's own IndexedDB reads (opening a ticket, the
 * queue) get their turn; full speed once `urgent()`. The browser serves a store's requests one
 * after another: at 100k tickets a 10,000-row page (about 10 MB) held every read behind it for
 * seconds on a busy machine, so a ticket took seconds to open while the warm-up ran.
 */
export function backgroundPace(urgent: () => boolean): ReadPace {
  return {
    page: () => (urgent() ? foregroundPace.page() : BACKGROUND_PAGE),
    // Someone clicked or typed in the window: the page they opened reads first (data/foreground.ts).
    pause: async () => {
      if (urgent()) return;
      await backgroundTurn();
      if (!urgent()) await new Promise((r) => setTimeout(r, BACKGROUND_PAUSE_MS));
    },
  };
}

const BULK_GET_LIMIT = 5_000;

function isReportVisit(row: unknown): row is ReportVisit {
  const r = row as Record<string, unknown> | undefined;
  return typeof r?.['id'] === 'string' && typeof r['status'] === 'string';
}
/** The timeline events a report counts. */
const REPORT_EVENT_KINDS = ['escalated', 'visit'] as const;
const isReportEvent = (e: TimelineEvent | undefined): e is TimelineEvent => (REPORT_EVENT_KINDS as readonly string[]).includes(e?.kind ?? '');

type Row = { id: string };

/** Reads a whole table in primary-key pages, keeping the rows `keep` accepts. */
async function readAll<T extends Row>(db: ServiceDeskDb, table: ReportTable, keep: (row: unknown) => row is T, pace: ReadPace): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const t = db.table(table);
  let after: string | undefined;
  for (;;) {
    const size = pace.page();
    const page = (await (after === undefined ? t.orderBy(':id') : t.where(':id').above(after)).limit(size).toArray()) as Row[];
    for (const row of page) if (keep(row)) out.set(row.id, row);
    if (page.length < size) return out;
    after = page[page.length - 1]?.id;
    await pace.pause();
  }
}

/** The report's timeline events, kind by kind in [kind+id] pages. */
async function readReportEvents(db: ServiceDeskDb, pace: ReadPace): Promise<Map<string, TimelineEvent>> {
  const out = new Map<string, TimelineEvent>();
  const index = db.timeline.where('[kind+id]');
  for (const kind of REPORT_EVENT_KINDS) {
    let after: string | undefined;
    for (;;) {
      const size = pace.page();
      const page = await index.between([kind, after ?? Dexie.minKey], [kind, Dexie.maxKey], after === undefined, true).limit(size).toArray();
      for (const e of page) out.set(e.id, e);
      if (page.length < size) break;
      after = page[page.length - 1]?.id;
      await pace.pause();
    }
  }
  return out;
}

/** Replaces the changed rows of one table in place (re-read, or removed when gone or no longer kept). */
async function patch<T extends Row>(db: ServiceDeskDb, table: ReportTable, rows: Map<string, T>, ids: string[], keep: (row: unknown) => row is T): Promise<void> {
  for (let i = 0; i < ids.length; i += BULK_GET_LIMIT) {
    const slice = ids.slice(i, i + BULK_GET_LIMIT);
    const fresh = (await db.table(table).bulkGet(slice)) as unknown[];
    slice.forEach((id, j) => {
      const row = fresh[j];
      if (keep(row)) rows.set(id, row);
      else rows.delete(id);
    });
  }
}

const keepTicket = (row: unknown): row is Ticket => typeof (row as Row | undefined)?.id === 'string';
const keepEvent = (row: unknown): row is TimelineEvent => isReportEvent(row as TimelineEvent | undefined);

/** Loads everything (no data yet) or brings held data up to date with the changes since it was read. */
export async function refreshReportData(db: ServiceDeskDb, held: ReportData | undefined, changes: ReportChanges, pace: ReadPace): Promise<ReportData> {
  const tickets = held && !changes.tickets.full ? held.tickets : await readAll(db, 'tickets', keepTicket, pace);
  const visits = held && !changes.visits.full ? held.visits : await readAll(db, 'visits', isReportVisit, pace);
  const timeline = held && !changes.timeline.full ? held.timeline : await readReportEvents(db, pace);
  if (held) {
    if (tickets === held.tickets) await patch(db, 'tickets', tickets, changes.tickets.ids, keepTicket);
    if (visits === held.visits) await patch(db, 'visits', visits, changes.visits.ids, isReportVisit);
    if (timeline === held.timeline) await patch(db, 'timeline', timeline, changes.timeline.ids, keepEvent);
  }
  return { tickets, visits, timeline };
}
