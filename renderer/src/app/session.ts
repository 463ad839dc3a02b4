import { create } from 'zustand';
import type { Actor } from '../data';

/**
 * Who is using this device (the store's actor: set by signing in to a sync server, or picked from
 * the directory in Settings when working without one). Mutations are made in their name.
 */
export type Session = Actor;

export const demoSession: Session = { userId: 'eng-alex', role: 'agent', region: 'north-america' };

export const useSession = create<{ session: Session; setSession: (s: Session) => void }>((set) => ({
  session: demoSession,
  setSession: (session) => set({ session }),
}));
