import { create } from 'zustand';

/** An automatic escalation of this session, as the banner lists it. */
export type EscalationNotice = {
  key: string;
  ticketId: string;
  level: number;
  levelName: string;
  recipients: string[];
  /** Why the level could not be routed (still recorded); shown so someone acts on it. */
  gap?: string;
  reason: string;
  at: number;
  /** Held back by quiet hours, a pause, a mute or the rule: listed, but does not pop up. */
  quiet: boolean;
};

type NoticesState = { notices: EscalationNotice[]; add: (n: EscalationNotice[]) => void; dismiss: (key: string) => void; clear: () => void };

export const useEscalationNoticesStore = create<NoticesState>((set) => ({
  notices: [],
  add: (n) => set((s) => ({ notices: [...n, ...s.notices].slice(0, 50) })),
  dismiss: (key) => set((s) => ({ notices: s.notices.filter((x) => x.key !== key) })),
  clear: () => set({ notices: [] }),
}));
