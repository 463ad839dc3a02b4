import { useState } from 'react';
import type { VisitAction } from '../../../../shared/dispatch';
import { useMutations, type MutationOutcome } from '../../app/mutations';

export type PartMoveKind = 'check_out' | 'return' | 'use';

/** Runs visit mutations and keeps the last refusal so the form can show it (nothing typed is lost). */
export function useVisitMutation() {
  const mutate = useMutations();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function run(name: string, args: unknown): Promise<boolean> {
    setBusy(true);
    let r: MutationOutcome;
    try {
      r = await mutate(name, args);
    } catch (e) {
      r = { outcome: 'rejected', message: e instanceof Error ? e.message : String(e) };
    } finally {
      setBusy(false);
    }
    if (r.outcome === 'rejected') {
      setError(r.message ?? r.outcome);
      return false;
    }
    setError('');
    return true;
  }
  return {
    error,
    busy,
    clearError: () => setError(''),
    act: (visitId: string, action: VisitAction) => run('visit.action@1', { visitId, action }),
    create: (visit: unknown) => run('visit.create@1', { visit }),
    moveParts: (visitId: string, move: { kind: PartMoveKind; partId: string; quantity: number }) => run('visit.parts@1', { visitId, move }),
  };
}
