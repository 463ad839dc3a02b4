import type { MutateOptions, MutationOutcome, Mutate } from '../../app/mutations';
import type { Host } from '../../host';
import { withdrawPendingMutation, type PendingRef, type ServiceDeskDb } from '../../data';
import type { PreparedEscalation } from './escalation-draft';

export type HandOffResult = { ok: true; path: string | null } | { ok: false; message: string };

/** Records the escalation on the ticket (an append-only, synced timeline event); `opts.draftKey` is the text's draft, removed with it. */
export function recordEscalation(mutate: Mutate, ticketId: string, prepared: PreparedEscalation, ask: string, automatic: boolean, opts?: MutateOptions): Promise<MutationOutcome> {
  const recipients = prepared.kind === 'draft' ? prepared.recipients : [];
  return mutate('ticket.recordEscalation@1', { ticketId, level: prepared.level, levelName: prepared.levelName, recipients, ask: ask.trim(), automatic }, opts);
}

function refusal(e: unknown): HandOffResult {
  return { ok: false, message: e instanceof Error ? e.message : String(e) };
}

/** Opens the .eml in the default mail client (desktop) or downloads it (web). */
export async function openEmlDraft(host: Pick<Host, 'invoke'>, prepared: Extract<PreparedEscalation, { kind: 'draft' }>): Promise<HandOffResult> {
  try {
    const r = await host.invoke('draft.openEml', { fileName: prepared.fileName, eml: prepared.eml });
    return { ok: true, path: r.path };
  } catch (e) {
    return refusal(e);
  }
}

/** Hands the mailto: URL to the OS; refused up front when it is too long for mail clients. */
export async function openMailto(host: Pick<Host, 'invoke'>, prepared: Extract<PreparedEscalation, { kind: 'draft' }>): Promise<HandOffResult> {
  if (prepared.mailtoTooLong) return { ok: false, message: `mailto: URL is ${prepared.mailto.length} characters long` };
  try {
    await host.invoke('external.open', { url: prepared.mailto });
    return { ok: true, path: null };
  } catch (e) {
    return refusal(e);
  }
}

export async function copyDraft(host: Pick<Host, 'invoke'>, prepared: Extract<PreparedEscalation, { kind: 'draft' }>): Promise<HandOffResult> {
  try {
    await host.invoke('clipboard.writeText', { text: prepared.plain });
    return { ok: true, path: null };
  } catch (e) {
    return refusal(e);
  }
}

export type UndoResult = 'withdrawn' | 'corrected' | 'failed';

/**
 * Undoes a recorded escalation: while the server has not seen it, it is taken back as if never made
 * (level and timeline entry gone); once sent, an internal note records the correction instead, so
 * what others already received is never silently rewritten.
 */
export async function undoEscalation(db: ServiceDeskDb, mutate: Mutate, recorded: { change: PendingRef | number; ticketId: string }, correctionNote: string): Promise<UndoResult> {
  if ((await withdrawPendingMutation(db, recorded.change)) === 'withdrawn') return 'withdrawn';
  const r = await mutate('timeline.addNote@1', { ticketId: recorded.ticketId, visibility: 'internal', text: correctionNote });
  return r.outcome === 'applied' ? 'corrected' : 'failed';
}
