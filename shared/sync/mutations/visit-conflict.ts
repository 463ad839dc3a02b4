// Resolving a conflict over a visit: the dispatcher decides again, through the visit workflow, so
// a resolution can never do what the workflow forbids (e.g. hand a visit the engineer has already
// arrived at to someone else) and every change lands in the visit's history like any other.
import { because } from '../conflict';
import type { VisitAction } from '../../dispatch/visit-actions';
import { visitWindowSchema } from '../../dispatch/visit-schema';
import { applyVisitAction, VisitActionError } from '../../dispatch/visit-workflow';
import type { ConflictRecord } from '../conflict';
import type { EntityReader, EntityWrite, MutationCtx, MutationResultBody } from '../mutation-types';
import { refuse, visitNotFound } from './helpers';
import { markReassignedFrom, readVisit, visitEvent, visitWrite } from './visit-helpers';

const name = 'conflict.resolve@1';
const FIELD = /^visit:(.+):(engineerId|window)$/;

/** The visit a conflict is about, when it is about one. */
export function conflictVisitId(field: string): string | undefined {
  return FIELD.exec(field)?.[1];
}

/**
 * What each side of a visit conflict would do to the visit. `kept` is the side the server already
 * applied (nothing to do when it is chosen); the other side is a workflow action.
 */
export type VisitConflictSides =
  | { kind: 'kept_by_engineer'; engineer: string; dispatcherChoice: string }
  | { kind: 'moved_meanwhile'; window: { start: number; end: number } | undefined }
  | { kind: 'over_progress'; cancelReason?: string; engineerId?: string; window?: { start: number; end: number } };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads the sides of a visit conflict from its record (the shapes visit.action writes). */
export function visitConflictSides(c: Pick<ConflictRecord, 'field' | 'mine' | 'theirs'>): VisitConflictSides | undefined {
  const m = FIELD.exec(c.field);
  if (!m) return undefined;
  if (m[2] === 'window') {
    const w = visitWindowSchema.safeParse(parseJson(c.mine));
    return { kind: 'moved_meanwhile', window: w.success ? w.data : undefined };
  }
  if (c.mine.startsWith('cancel: ')) return { kind: 'over_progress', cancelReason: c.mine.slice('cancel: '.length) };
  const mine = parseJson(c.mine);
  if (mine && typeof mine === 'object') {
    const o = mine as { engineerId?: unknown; window?: unknown };
    const w = visitWindowSchema.safeParse(o.window);
    return { kind: 'over_progress', ...(typeof o.engineerId === 'string' ? { engineerId: o.engineerId } : {}), ...(w.success ? { window: w.data } : {}) };
  }
  // The engineer's field step reclaimed the visit: `mine` is that engineer, `theirs` the dispatcher's pick.
  return { kind: 'kept_by_engineer', engineer: c.mine, dispatcherChoice: c.theirs };
}

/** The workflow action a choice asks for, or none when the chosen side is what the server kept. */
function actionFor(sides: VisitConflictSides, choice: 'mine' | 'theirs', window: { start: number; end: number } | undefined): VisitAction | undefined | string {
  const reason = 'decided again after a sync conflict';
  switch (sides.kind) {
    case 'kept_by_engineer':
      if (choice === 'mine') return undefined;
      if (!window) return 'the visit has no booked window to hand over';
      return { type: 'reschedule', window, engineerId: sides.dispatcherChoice, reason, confirmed: false };
    case 'moved_meanwhile':
      if (choice === 'theirs') return undefined;
      if (!sides.window) return 'the window you chose could not be read from the conflict';
      return { type: 'reschedule', window: sides.window, reason, confirmed: false };
    case 'over_progress':
      if (choice === 'theirs') return undefined;
      if (sides.cancelReason !== undefined) return { type: 'cancel', reason: sides.cancelReason };
      if (!sides.window && !window) return 'the visit has no booked window to move';
      return { type: 'reschedule', window: (sides.window ?? window)!, ...(sides.engineerId ? { engineerId: sides.engineerId } : {}), reason, confirmed: false };
  }
}

/** Resolves a visit conflict; undefined when the conflict is not about a visit. */
export function resolveVisitConflict(read: EntityReader, c: ConflictRecord, choice: 'mine' | 'theirs' | 'custom', ctx: MutationCtx, resolved: EntityWrite): MutationResultBody | undefined {
  const visitId = conflictVisitId(c.field);
  const sides = visitConflictSides(c);
  if (visitId === undefined || !sides) return undefined;
  if (choice === 'custom') return refuse(ctx, name, c.ticketId, because('visit_conflict_keep_one_side', 'a visit conflict is decided by keeping one side; to book another time or engineer, use the dispatch board'));
  const done: MutationResultBody = { outcome: 'applied', writes: [resolved], events: [], conflicts: [] };
  const cur = readVisit(read, visitId);
  if (!cur) return refuse(ctx, name, c.ticketId, visitNotFound(visitId));
  const action = actionFor(sides, choice, cur.visit.window);
  if (action === undefined) return done;
  if (typeof action === 'string') return refuse(ctx, name, c.ticketId, action);
  if (ctx.role !== 'dispatcher' && ctx.role !== 'admin') return refuse(ctx, name, c.ticketId, because('dispatcher_only', 'only a dispatcher can move, hand over or cancel a visit'));
  try {
    const r = applyVisitAction(cur.visit, action, ctx.now, ctx.userId);
    const moved = action.type === 'reschedule' && cur.visit.engineerId !== undefined && r.visit.engineerId !== cur.visit.engineerId;
    const next = moved ? markReassignedFrom(r.visit, cur.visit.engineerId!) : r.visit;
    return { outcome: 'applied', writes: [resolved, visitWrite(next, cur.visit)], events: visitEvent(ctx, r.visit, r.event.change, r.event.detail), conflicts: [] };
  } catch (e) {
    if (e instanceof VisitActionError) return refuse(ctx, name, c.ticketId, e.message);
    throw e;
  }
}
