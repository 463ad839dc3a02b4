import { create } from 'zustand';
import type { BoardView } from './board-layout';

/** Opens the booking form: a new booking of an unscheduled visit or a move of a booked one. */
export type BookingRequest = { visitId: string; mode: 'schedule' | 'reschedule'; engineerId?: string; start?: number };

type BoardState = {
  view: BoardView;
  anchor: number;
  /** The zone the board's columns and times are shown in. */
  zone: string;
  region: string;
  selectedVisitId?: string;
  booking?: BookingRequest;
  cancelVisitId?: string;
  set: (patch: Partial<Omit<BoardState, 'set'>>) => void;
};

export const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The dispatcher's view state (not stored: the board opens on this week in the local zone). */
export const useBoard = create<BoardState>((set) => ({
  view: 'week',
  anchor: Date.now(),
  zone: browserZone,
  region: '',
  set: (patch) => set(patch),
}));
