import { create } from 'zustand';
import type { TimedStep } from '../../../../shared/dispatch';
import { PUSHED_THROUGH_KEY, withdrawPendingMutation, type ServiceDeskDb, type WithdrawResult } from '../../data';

/** The last field step recorded on a visit from this device, and what became of its undo. */
export type RecordedStep = { mutationId: number; step: TimedStep; at: number; result?: WithdrawResult };

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
export async function isSent(db: ServiceDeskDb, mutationId: number): Promise<boolean> {
  const pushed = await db.meta.get(PUSHED_THROUGH_KEY);
  if (typeof pushed?.value === 'number' && pushed.value >= mutationId) return true;
  return (await db.outbox.get(mutationId)) === undefined;
}

/** Takes the step back as if never recorded while the server has not seen it; otherwise says why not. */
export function undoFieldStep(db: ServiceDeskDb, mutationId: number): Promise<WithdrawResult> {
  return withdrawPendingMutation(db, mutationId);
}
