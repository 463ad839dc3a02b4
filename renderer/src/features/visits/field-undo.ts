import { create } from 'zustand';
import type { TimedStep } from '../../../../shared/dispatch';
import { currentPendingId, PUSHED_THROUGH_KEY, withdrawPendingMutation, type PendingRef, type ServiceDeskDb, type WithdrawResult } from '../../data';

/** The last field step recorded on a visit from this device, and what became of its undo. */
export type RecordedStep = { change: PendingRef; step: TimedStep; at: number; result?: WithdrawResult };

type FieldUndoState = {
  byVisit: Readonly<Record<string, RecordedStep>>;
  record: (visitId: string, step: RecordedStep) => void;
  forget: (visitId: string) => void;
};

/**
 * Kept outside the screen so the undo survives switching between visits: a step stays undoable
 * for as long as the server has not seen it, not for a few seconds.
 */
export const useFieldUndo = create<FieldUndoState>((set) => ({
  byVisit: {},
  record: (visitId, step) => set((s) => ({ byVisit: { ...s.byVisit, [visitId]: step } })),
  forget: (visitId) => set((s) => {
    const next = { ...s.byVisit };
    delete next[visitId];
    return { byVisit: next };
  }),
}));

/** True once a push may have carried the change to the server (then only a correction can follow). */
export async function isSent(db: ServiceDeskDb, change: PendingRef): Promise<boolean> {
  const id = currentPendingId(change);
  if (id === undefined) return false;
  const pushed = await db.meta.get(PUSHED_THROUGH_KEY);
  if (typeof pushed?.value === 'number' && pushed.value >= id) return true;
  return (await db.outbox.get(id)) === undefined;
}

/**
 * True when a later change of this device, not yet sent, is about the same visit (the next step,
 * a work note): taking the step back would pull the ground from under it, so the undo is gone.
 * Later changes to other rows (an SLA alert, an automatic escalation) do not stand in the way.
 */
export async function isFollowedOnVisit(db: ServiceDeskDb, change: PendingRef, visitId: string): Promise<boolean> {
  const id = currentPendingId(change);
  if (id === undefined) return false;
  const later = await db.outbox.where(':id').above(id).toArray();
  return later.some((e) => (e.args as { visitId?: unknown } | null)?.visitId === visitId);
}

/** Takes the step back as if never recorded while the server has not seen it; otherwise says why not. */
export function undoFieldStep(db: ServiceDeskDb, change: PendingRef): Promise<WithdrawResult> {
  return withdrawPendingMutation(db, change);
}
