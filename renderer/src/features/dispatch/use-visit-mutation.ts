import { useState } from 'react';
import { applyVisitAction, checkOutPart, returnPart, usePart, type Visit, type VisitAction, type WarehousePart } from '../../../../shared/dispatch';
import type { MutationArgs, MutationName } from '../../../../shared/sync';
import { useMutations, type MutateOptions, type MutationOutcome } from '../../app/mutations';
import { useSession } from '../../app/session';

export type PartMoveKind = 'check_out' | 'return' | 'use';
export type PartMoveInput = { kind: PartMoveKind; partId: string; quantity: number };

/** Runs `check` and returns its error message, or '' when it passes. */
function precheck(check: () => unknown): string {
  try {
    check();
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The same rules the mutation applies, run first on this device so a refused step changes nothing (not even the outbox). */
export function checkVisitAction(visit: Visit, action: VisitAction, now: number, by: string): string {
  return precheck(() => applyVisitAction(visit, action, now, by));
}

export function checkPartMove(visit: Visit, warehouse: readonly WarehousePart[], move: PartMoveInput): string {
  const m = { partId: move.partId, quantity: move.quantity };
  return precheck(() => (move.kind === 'check_out' ? checkOutPart(visit, warehouse, m) : move.kind === 'return' ? returnPart(visit, warehouse, m) : usePart(visit, m)));
}

/**
 * Runs visit mutations and keeps the last refusal so the form can show it (nothing typed is lost).
 * Only an applied mutation counts as done: a conflict (e.g. someone moved the visit meanwhile) is shown too.
 */
export function useVisitMutation() {
  const mutate = useMutations();
  const by = useSession((s) => s.session.userId);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function run<N extends MutationName>(name: N, args: MutationArgs<N>, opts?: MutateOptions): Promise<boolean> {
    return (await runTracked(name, args, opts)).ok;
  }
  /** `mutationId`: the change's place in this device's queue, for an undo while it is not yet synced. */
  async function runTracked<N extends MutationName>(name: N, args: MutationArgs<N>, opts?: MutateOptions): Promise<{ ok: boolean; mutationId?: number }> {
    setBusy(true);
    let r: MutationOutcome;
    try {
      r = await mutate(name, args, opts);
    } catch (e) {
      r = { outcome: 'rejected', message: e instanceof Error ? e.message : String(e) };
    } finally {
      setBusy(false);
    }
    if (r.outcome !== 'applied') {
      setError(r.message ?? r.outcome);
      return { ok: false };
    }
    setError('');
    return { ok: true, ...(r.mutationId !== undefined ? { mutationId: r.mutationId } : {}) };
  }
  const refuse = (message: string) => {
    setError(message);
    return Promise.resolve(false);
  };
  return {
    error,
    busy,
    clearError: () => setError(''),
    /** `opts.draftKey`: the draft the action was typed in (report, work note), removed when it applies. */
    act: (visit: Visit, action: VisitAction, opts?: MutateOptions) => {
      const problem = checkVisitAction(visit, action, Date.now(), by);
      return problem ? refuse(problem) : run('visit.action@1', { visitId: visit.id, action }, opts);
    },
    /** Like `act`, also telling which queued change recorded it (for an undo). */
    actTracked: async (visit: Visit, action: VisitAction, opts?: MutateOptions): Promise<{ ok: boolean; mutationId?: number }> => {
      const problem = checkVisitAction(visit, action, Date.now(), by);
      if (problem) return { ok: await refuse(problem) };
      return runTracked('visit.action@1', { visitId: visit.id, action }, opts);
    },
    create: (visit: Visit) => run('visit.create@1', { visit }),
    moveParts: (visit: Visit, warehouse: readonly WarehousePart[], move: PartMoveInput) => {
      const problem = checkPartMove(visit, warehouse, move);
      return problem ? refuse(problem) : run('visit.parts@1', { visitId: visit.id, move });
    },
  };
}
