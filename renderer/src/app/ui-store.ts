import { create } from 'zustand';

/** UI-only state (never domain data): overlays, the queue's selection and search text. */
type UiState = {
  paletteOpen: boolean;
  helpOpen: boolean;
  selectedTicketIds: string[];
  focusedIndex: number;
  search: string;
  setPaletteOpen: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
  setSelection: (ids: string[]) => void;
  toggleSelected: (id: string) => void;
  setFocusedIndex: (i: number) => void;
  setSearch: (text: string) => void;
};

export const useUi = create<UiState>((set) => ({
  paletteOpen: false,
  helpOpen: false,
  selectedTicketIds: [],
  focusedIndex: 0,
  search: '',
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setSelection: (selectedTicketIds) => set({ selectedTicketIds }),
  toggleSelected: (id) =>
    set((s) => ({ selectedTicketIds: s.selectedTicketIds.includes(id) ? s.selectedTicketIds.filter((x) => x !== id) : [...s.selectedTicketIds, id] })),
  setFocusedIndex: (focusedIndex) => set({ focusedIndex: Math.max(0, focusedIndex) }),
  setSearch: (search) => set({ search, focusedIndex: 0 }),
}));
