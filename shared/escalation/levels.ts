import type { Ticket } from '../ticket/schema';
import type { EscalationLocale } from './locale';
import { normalizeRoutingKey } from './schema';
import type { EscalationLevel, EscalationMatrix, LocalizedText } from './schema';

/** The definition of level `level` (1-based, as stored in Ticket.escalationLevel); RangeError when the matrix has no such level. */
export function escalationLevelAt(matrix: EscalationMatrix, level: number): EscalationLevel {
  const def = Number.isInteger(level) && level >= 1 ? matrix.levels[level - 1] : undefined;
  if (!def) throw new RangeError(`escalation matrix "${matrix.id}" has no level ${level} (it has levels 1-${matrix.levels.length})`);
  return def;
}

/** The 1-based number of the level with this id, or undefined. */
export function escalationLevelNumber(matrix: EscalationMatrix, levelId: string): number | undefined {
  const i = matrix.levels.findIndex((l) => l.id === levelId);
  return i < 0 ? undefined : i + 1;
}

/** A label in the locale, falling back to English. */
export function localizedLabel(text: LocalizedText, locale: EscalationLocale): string {
  return text[locale] ?? text.en;
}

/** The level a manual escalation proposes by default: the one after the ticket's current level; undefined at the top. */
export function nextEscalationLevel(ticket: Pick<Ticket, 'escalationLevel'>, matrix: EscalationMatrix): number | undefined {
  const next = ticket.escalationLevel + 1;
  return next <= matrix.levels.length ? next : undefined;
}

/** The matrix for a policy: its own, else the one with policyId "default", else undefined. */
export function escalationMatrixForPolicy(matrices: readonly EscalationMatrix[], policyId: string): EscalationMatrix | undefined {
  return matrices.find((m) => m.policyId === policyId) ?? matrices.find((m) => m.policyId === 'default');
}

/**
 * The name people use for a product line or region in the mail: the label of the routing row
 * serving that key (by product line or by region), else the key itself. Routing keys are ids
 * ("edge-routers"); the people reading the escalation know the product as "Edge Routers".
 */
export function routingKeyLabel(matrix: EscalationMatrix, kind: 'by_product_line' | 'by_region', key: string): string {
  const wanted = normalizeRoutingKey(key);
  for (const level of matrix.levels) {
    if (level.kind !== kind) continue;
    const row = level.rows.find((r) => r.label !== undefined && r.keys.some((k) => normalizeRoutingKey(k) === wanted));
    if (row?.label) return row.label;
  }
  return key;
}
