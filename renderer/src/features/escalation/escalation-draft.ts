import {
  buildEscalationDraft,
  EscalationRoutingError,
  escalationLevelAt,
  localizedLabel,
  nextEscalationLevel,
  pickEscalationLocale,
  resolveEscalationRecipients,
  type EscalationDraftContext,
  type EscalationLevelKind,
  type EscalationMatrix,
} from '../../../../shared/escalation';
import { InvalidAddressError, renderEml, renderMailto, type MailDraft } from '../../../../shared/mail';
import type { Engineer } from '../../../../shared/directory';
import type { Ticket } from '../../../../shared/ticket';

/** Longer mailto: URLs are cut off or refused by common mail clients and browsers. */
export const MAILTO_MAX_LENGTH = 2000;

export type LevelOption = {
  level: number;
  id: string;
  name: string;
  kind: EscalationLevelKind;
  /** The ticket is already at or above this level. */
  reached: boolean;
  /** Why a draft cannot be made for this level (routing gap); undefined for the customer's step. */
  blocked?: string;
};

/** Every level of the matrix as the dialog lists it, with the routing gap for levels it cannot reach. */
export function levelOptions(ticket: Ticket, matrix: EscalationMatrix, engineers: readonly Engineer[], language: string): LevelOption[] {
  const locale = pickEscalationLocale(language);
  return matrix.levels.map((def, i) => {
    const level = i + 1;
    const r = resolveEscalationRecipients(ticket, level, matrix, engineers);
    const blocked = def.kind !== 'customer_comment' && r.missing ? r.missing.message : undefined;
    return { level, id: def.id, name: localizedLabel(def.name, locale), kind: def.kind, reached: level <= ticket.escalationLevel, ...(blocked ? { blocked } : {}) };
  });
}

/**
 * The level proposed by default: the next one. The customer's own step (a portal comment) is not
 * something the engineer does, so when it is next the proposal moves on to the level after it.
 */
export function defaultEscalationLevel(ticket: Pick<Ticket, 'escalationLevel'>, matrix: EscalationMatrix): number | undefined {
  let next = nextEscalationLevel(ticket, matrix);
  while (next !== undefined && escalationLevelAt(matrix, next).kind === 'customer_comment' && next < matrix.levels.length) next++;
  return next;
}

/** A file name the host accepts (letters, digits, space, dot, dash, underscore). */
export function escalationFileName(ticketId: string, level: number): string {
  return `${ticketId.replace(/[^\w.\- ]/g, '_')}-escalation-L${level}.eml`.slice(-120);
}

/** The draft as plain text for the clipboard: headers a person would paste, then the body. */
export function plainDraftText(draft: MailDraft): string {
  const lines = [`To: ${draft.to.join(', ')}`];
  if (draft.cc?.length) lines.push(`Cc: ${draft.cc.join(', ')}`);
  lines.push(`Subject: ${draft.subject}`, '', draft.body);
  return lines.join('\n');
}

type Base = { level: number; levelName: string; levelId: string };
export type PreparedEscalation =
  | (Base & { kind: 'draft'; draft: MailDraft; recipients: string[]; eml: string; mailto: string; mailtoTooLong: boolean; plain: string; fileName: string })
  /** The customer's own request: recorded, nobody is mailed. */
  | (Base & { kind: 'customer_step'; instructions?: string })
  | (Base & { kind: 'blocked'; message: string });

/** Everything the dialog previews and hands off for one level, or why it cannot. */
export function prepareEscalation(ticket: Ticket, level: number, matrix: EscalationMatrix, language: string, context: EscalationDraftContext): PreparedEscalation {
  const locale = pickEscalationLocale(language);
  const def = escalationLevelAt(matrix, level);
  const base: Base = { level, levelName: localizedLabel(def.name, locale), levelId: def.id };
  if (def.kind === 'customer_comment') return { ...base, kind: 'customer_step', ...(def.instructions ? { instructions: localizedLabel(def.instructions, locale) } : {}) };
  try {
    const draft = buildEscalationDraft(ticket, level, matrix, locale, context);
    const eml = renderEml(draft);
    const mailto = renderMailto(draft);
    return {
      ...base,
      kind: 'draft',
      draft,
      recipients: [...draft.to, ...(draft.cc ?? [])],
      eml,
      mailto,
      mailtoTooLong: mailto.length > MAILTO_MAX_LENGTH,
      plain: plainDraftText(draft),
      fileName: escalationFileName(ticket.id, level),
    };
  } catch (e) {
    if (e instanceof EscalationRoutingError) return { ...base, kind: 'blocked', message: e.gap.message };
    if (e instanceof InvalidAddressError) return { ...base, kind: 'blocked', message: e.message };
    throw e;
  }
}
