import { draftSchema, type Draft } from '../../../shared/drafts';
import type { ServiceDeskDb } from './db';

// A form that is left writes its last keystrokes while it unmounts (blur, unmount flush), and
// those writes take a few store transactions (minting the ticket id, then the put). A form opened
// again at once would read the store before they commit and show an empty form, and what it
// then wrote would replace the real draft: typed text lost. So draft writes in flight are known
// per key, and reading a draft waits for them.
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Runs a draft write (or removal) for `key` and makes `loadDraft` of that key wait for it.
 * Writes to one key are run by one form at a time, in order, so the latest one is the one to wait for.
 */
export function trackDraftWrite<T>(key: string, write: Promise<T>): Promise<T> {
  const settled = write.then(
    () => undefined,
    () => undefined,
  );
  inFlight.set(key, settled);
  void settled.then(() => {
    if (inFlight.get(key) === settled) inFlight.delete(key);
  });
  return write;
}

/**
 * Keeps a form's unsaved work. Resolves once the write has committed: from then on it survives the
 * app being killed. A draft that does not validate is refused (nothing is written).
 */
export async function saveDraft(db: ServiceDeskDb, draft: Draft): Promise<void> {
  await db.drafts.put(draftSchema.parse(draft));
}

/** The kept draft of a form, or undefined; a stored row that no longer validates is ignored. */
export async function loadDraft(db: ServiceDeskDb, key: string): Promise<Draft | undefined> {
  // Settle every write a form just left behind (one may have started while waiting for another).
  for (let pending = inFlight.get(key); pending; pending = inFlight.get(key)) await pending;
  const row = await db.drafts.get(key);
  const parsed = draftSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

export async function deleteDraft(db: ServiceDeskDb, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/** Where versions before the drafts table kept the new-ticket form (written late by the browser, often lost). */
export const LEGACY_INTAKE_DRAFT_KEY = 'service-desk.intake-draft';

/**
 * Moves a new-ticket draft left in localStorage by an older version into the drafts table, once:
 * a draft already in the table wins; the old entry is removed only after the move committed.
 */
export async function migrateLegacyIntakeDraft(db: ServiceDeskDb, storage: Pick<Storage, 'getItem' | 'removeItem'>, now: number): Promise<void> {
  const raw = storage.getItem(LEGACY_INTAKE_DRAFT_KEY);
  if (raw === null) return;
  let values: unknown;
  try {
    values = JSON.parse(raw);
  } catch {
    values = undefined;
  }
  const stringsOnly = values && typeof values === 'object' ? Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) : {};
  const draft = draftSchema.safeParse({ key: 'intake', kind: 'intake', values: stringsOnly, savedAt: now });
  await db.transaction('rw', db.drafts, async () => {
    if (draft.success && Object.values(draft.data.values).some((v) => v !== '') && !(await db.drafts.get('intake'))) await db.drafts.put(draft.data);
  });
  storage.removeItem(LEGACY_INTAKE_DRAFT_KEY);
}
