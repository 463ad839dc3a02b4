import { createContext, useContext, type ReactNode } from 'react';
import type { MutationArgs, MutationName } from '../../../shared/sync';
import type { Refusal } from '../../../shared/ticket/command';

/**
 * What the UI learns from running a mutation locally: applied, or refused with a reason. When a
 * domain command refused it, `refusal` carries its code so the reason can be shown translated.
 * `mutationId`: its place in this device's queue, for an undo while it is not yet synced.
 */
export type MutationOutcome = { outcome: 'applied' | 'conflict' | 'rejected'; message?: string; refusal?: Refusal; mutationId?: number };

/** `draftKey`: the draft the change was typed in, removed in the change's own transaction when it applies. */
export type MutateOptions = { draftKey?: string };

/**
 * Runs a current mutation (e.g. 'ticket.assign@1') on the local store and queues it for sync.
 * Typed from the registry: a misspelt name or args that do not fit fail to compile.
 */
export type Mutate = <N extends MutationName>(name: N, args: MutationArgs<N>, opts?: MutateOptions) => Promise<MutationOutcome>;

const MutationsContext = createContext<Mutate | null>(null);

export function MutationsProvider({ mutate, children }: { mutate: Mutate; children: ReactNode }) {
  return <MutationsContext.Provider value={mutate}>{children}</MutationsContext.Provider>;
}

export function useMutations(): Mutate {
  const mutate = useContext(MutationsContext);
  if (!mutate) throw new Error('useMutations outside MutationsProvider');
  return mutate;
}
