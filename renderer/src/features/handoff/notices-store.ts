import { create } from 'zustand';
import type { TurnAlert } from './turn-alerts';

type State = { alerts: TurnAlert[]; seen: Set<string>; add: (a: TurnAlert[]) => void; dismiss: (key: string) => void };

/** This session's internal-step notices; each alert key shows once, also after it is dismissed. */
export const useTurnNoticesStore = create<State>((set, get) => ({
  alerts: [],
  seen: new Set(),
  add: (a) => {
    const fresh = a.filter((x) => !get().seen.has(x.key));
    if (fresh.length === 0) return;
    const seen = new Set(get().seen);
    for (const x of fresh) seen.add(x.key);
    set((s) => ({ seen, alerts: [...fresh, ...s.alerts].slice(0, 30) }));
  },
  dismiss: (key) => set((s) => ({ alerts: s.alerts.filter((x) => x.key !== key) })),
}));
