import { useCallback, useEffect, useMemo, useRef } from 'react';
import { isBlankDraft, type DraftKind, type DraftValues } from '../../../../shared/drafts';
import { useServices } from '../../app/services';
import { deleteDraft, saveDraft, trackDraftWrite } from '../../data';

/** A keystroke is on disk at most this long after typing pauses… */
export const DRAFT_IDLE_MS = 250;
/** …and at most this long after it was typed, even while typing never pauses. */
export const DRAFT_MAX_WAIT_MS = 1000;

export type DraftSource = {
  key: string;
  kind: DraftKind;
  /** What the form shows right now (read at write time, so a write never carries stale text). */
  read: () => DraftValues;
  /** What the form shows with nothing typed: such values are no draft and remove the stored one. */
  empty: () => DraftValues;
  /** Mints the id the form will create, once per draft (new ticket); omitted for other forms. */
  mintId?: () => Promise<string>;
  /** The id a restored draft already carries. */
  createsId?: string | undefined;
};

export type DraftAutosave = {
  /** Call on every change: schedules a write within the bounded delay. */
  changed: () => void;
  /** Writes a pending change now (blur, page hidden, leaving the form); resolves when committed. */
  flush: () => Promise<void>;
  /** Drops a scheduled write: what it would carry is being saved for real right now. */
  cancelPending: () => void;
  /** Stops writing (a save that removes the draft is under way); `resume` undoes it. */
  hold: () => void;
  resume: () => void;
  /** Removes the stored draft and stops writing until the next change. */
  discard: () => Promise<void>;
  /** The id this draft will create (minted on first use, then always the same). */
  ensureId: () => Promise<string | undefined>;
};

/**
 * Keeps a form's unsaved values in the local store: written shortly after typing (bounded delay)
 * and at once when the form loses focus, the page is hidden or closed, or the form unmounts.
 * Writes are serialised, so the last one committed is the last one typed.
 */
export function useDraftAutosave(source: DraftSource): DraftAutosave {
  const { db } = useServices();
  const src = useRef(source);
  src.current = source;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstPending = useRef<number | undefined>(undefined);
  const held = useRef(false);
  const dirty = useRef(false);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const id = useRef<Promise<string | undefined> | undefined>(source.createsId !== undefined ? Promise.resolve(source.createsId) : undefined);

  const api = useMemo<DraftAutosave>(() => {
    const ensureId = () => {
      id.current ??= src.current.mintId ? src.current.mintId() : Promise.resolve(undefined);
      return id.current;
    };
    const clearTimer = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
      firstPending.current = undefined;
    };
    const cancelPending = () => {
      clearTimer();
      dirty.current = false;
    };
    const write = async () => {
      // A save that removes the draft started while this write waited its turn.
      if (held.current) return;
      const s = src.current;
      const values = s.read();
      if (isBlankDraft(values, s.empty())) return deleteDraft(db, s.key);
      const createsId = await ensureId();
      await saveDraft(db, { key: s.key, kind: s.kind, values, savedAt: Date.now(), ...(createsId !== undefined ? { createsId } : {}) });
    };
    const flush = () => {
      clearTimer();
      if (held.current || !dirty.current) return chain.current;
      dirty.current = false;
      // Each write starts after the previous one committed, so they land in typing order.
      // A form opened meanwhile (leaving and coming back at once) reads the draft only after it.
      chain.current = trackDraftWrite(src.current.key, chain.current.then(write).catch((e: unknown) => console.error('Could not keep the draft', e)));
      return chain.current;
    };
    return {
      changed: () => {
        if (held.current) return;
        dirty.current = true;
        const now = Date.now();
        firstPending.current ??= now;
        if (timer.current) clearTimeout(timer.current);
        const wait = Math.min(DRAFT_IDLE_MS, Math.max(0, firstPending.current + DRAFT_MAX_WAIT_MS - now));
        timer.current = setTimeout(() => void flush(), wait);
      },
      flush,
      cancelPending,
      hold: () => {
        cancelPending();
        held.current = true;
      },
      resume: () => {
        held.current = false;
      },
      discard: async () => {
        cancelPending();
        const key = src.current.key;
        chain.current = trackDraftWrite(key, chain.current.then(() => deleteDraft(db, key)).catch((e: unknown) => console.error('Could not remove the draft', e)));
        await chain.current;
      },
      ensureId,
    };
  }, [db]);

  const flushIfPending = useCallback(() => void api.flush(), [api]);

  useEffect(() => {
    const onHidden = () => document.visibilityState === 'hidden' && flushIfPending();
    window.addEventListener('pagehide', flushIfPending);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flushIfPending);
      document.removeEventListener('visibilitychange', onHidden);
      flushIfPending();
    };
  }, [flushIfPending]);

  return api;
}
