import { createContext, useContext, type ReactNode } from 'react';

/** What the UI learns from running a mutation locally: applied, or refused with a reason. */
export type MutationOutcome = { outcome: 'applied' | 'conflict' | 'rejected'; message?: string };

/** `draftKey`: the draft the change was typed in, removed in the change's own transaction when it applies. */
export type MutateOptions = { draftKey?: string };

/** Runs a named, versioned mutation (e.g. 'ticket.assign@1') on the local store and queues it for sync. */
export type Mutate = (name: string, args: unknown, opts?: MutateOptions) => Promise<MutationOutcome>;

const MutationsContext = createContext<Mutate | null>(null);

export function MutationsProvider({ mutate, children }: { mutate: Mutate; children: ReactNode }) {
  return <MutationsContext.Provider value={mutate}>{children}</MutationsContext.Provider>;
}

export function useMutations(): Mutate {
  const mutate = useContext(MutationsContext);
  if (!mutate) throw new Error('useMutations outside MutationsProvider');
  return mutate;
}
