import type { Engineer } from '../directory/schema';
import type { Ticket } from '../ticket/schema';
import { escalationLevelAt } from './levels';
import type { EscalationContact, EscalationMatrix, RoutingRow } from './schema';
import { normalizeRoutingKey } from './schema';

export type RoutingGapReason =
  | 'customer_step'
  | 'no_owner'
  | 'owner_not_in_directory'
  | 'no_manager'
  | 'manager_not_in_directory'
  | 'no_product_line_row'
  | 'no_region_row'
  | 'no_area'
  | 'no_area_row';

/** Why a level could not be fully routed; `message` is a readable English sentence for logs and fallbacks. */
export type RoutingGap = { reason: RoutingGapReason; key?: string; message: string };

export type EscalationRecipients = { to: string[]; cc: string[]; missing?: RoutingGap };

/** Thrown by buildEscalationDraft when the matrix cannot route the level for this ticket. */
export class EscalationRoutingError extends Error {
  override readonly name = 'EscalationRoutingError';
  constructor(
    readonly level: number,
    readonly gap: RoutingGap,
  ) {
    super(`cannot escalate to level ${level}: ${gap.message}`);
  }
}

function findRow(rows: readonly RoutingRow[], key: string): RoutingRow | undefined {
  const k = normalizeRoutingKey(key);
  return rows.find((r) => r.keys.some((rk) => normalizeRoutingKey(rk) === k));
}

function emails(contacts: readonly EscalationContact[]): string[] {
  return contacts.flatMap((c) => (c.email ? [c.email] : []));
}

/** Mailbox first (the official channel), the named people copied; without a mailbox the people are the addressees. */
function fromRow(row: { contacts: readonly EscalationContact[]; mailbox?: string | undefined }): { to: string[]; cc: string[] } {
  return row.mailbox ? { to: [row.mailbox], cc: emails(row.contacts) } : { to: emails(row.contacts), cc: [] };
}

function dedupe(to: string[], cc: string[]): { to: string[]; cc: string[] } {
  const seen = new Set<string>();
  const keep = (list: string[]): string[] =>
    list.filter((a) => {
      const k = a.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  const t = keep(to);
  return { to: t, cc: keep(cc) };
}

type Routed = { to: string[]; cc: string[]; missing?: RoutingGap };

function managerOf(ticket: Pick<Ticket, 'ownerId'>, directory: readonly Engineer[], depth: 1 | 2): Routed {
  const byId = new Map(directory.map((e) => [e.id, e]));
  if (!ticket.ownerId) return { to: [], cc: [], missing: { reason: 'no_owner', message: 'the ticket has no owner, so there is no manager to reach' } };
  let person = byId.get(ticket.ownerId);
  if (!person) return { to: [], cc: [], missing: { reason: 'owner_not_in_directory', key: ticket.ownerId, message: `owner "${ticket.ownerId}" is not in the engineer directory` } };
  for (let step = 0; step < depth; step++) {
    const managerId: string | undefined = person.managerId;
    if (!managerId) return { to: [], cc: [], missing: { reason: 'no_manager', key: person.id, message: `${person.name} (${person.id}) has no manager in the directory` } };
    const manager = byId.get(managerId);
    if (!manager) return { to: [], cc: [], missing: { reason: 'manager_not_in_directory', key: managerId, message: `manager "${managerId}" of ${person.name} is not in the engineer directory` } };
    person = manager;
  }
  return { to: [person.email], cc: [] };
}

function route(ticket: Pick<Ticket, 'ownerId' | 'productLine' | 'region'>, matrix: EscalationMatrix, level: number, directory: readonly Engineer[]): Routed {
  const def = escalationLevelAt(matrix, level);
  switch (def.kind) {
    case 'customer_comment':
      return { to: [], cc: [], missing: { reason: 'customer_step', message: `level ${level} is the customer's own request (a portal comment); nobody is mailed` } };
    case 'fixed': {
      const fixed = fromRow(def);
      if (!def.ownerManager) return fixed;
      const m = managerOf(ticket, directory, def.ownerManager === 'direct' ? 1 : 2);
      return { to: [...m.to, ...fixed.to], cc: fixed.cc, ...(m.missing ? { missing: m.missing } : {}) };
    }
    case 'by_product_line': {
      const row = findRow(def.rows, ticket.productLine);
      if (!row) return { to: [], cc: [], missing: { reason: 'no_product_line_row', key: ticket.productLine, message: `no row for product line "${ticket.productLine}" in level "${def.id}"` } };
      return fromRow(row);
    }
    case 'by_region': {
      const row = findRow(def.rows, ticket.region);
      if (!row) return { to: [], cc: [], missing: { reason: 'no_region_row', key: ticket.region, message: `no row for region "${ticket.region}" in level "${def.id}"` } };
      return fromRow(row);
    }
    case 'by_area': {
      const wanted = normalizeRoutingKey(ticket.productLine);
      const mapped = Object.entries(def.areaByProductLine).find(([pl]) => normalizeRoutingKey(pl) === wanted)?.[1];
      const area = mapped ?? def.defaultArea;
      if (!area) return { to: [], cc: [], missing: { reason: 'no_area', key: ticket.productLine, message: `product line "${ticket.productLine}" belongs to no area in level "${def.id}"` } };
      const row = findRow(def.rows, area);
      if (!row) return { to: [], cc: [], missing: { reason: 'no_area_row', key: area, message: `no row for area "${area}" in level "${def.id}"` } };
      return fromRow(row);
    }
  }
}

/**
 * Who receives an escalation to `level` (1-based) for this ticket. When the matrix has no match
 * (unknown product line, owner without manager, the customer's own step) `missing` says why.
 */
export function resolveEscalationRecipients(
  ticket: Pick<Ticket, 'ownerId' | 'productLine' | 'region'>,
  level: number,
  matrix: EscalationMatrix,
  directory: readonly Engineer[],
): EscalationRecipients {
  const def = escalationLevelAt(matrix, level);
  const routed = route(ticket, matrix, level, directory);
  const { to, cc } = dedupe(routed.to, [...routed.cc, ...def.cc]);
  return routed.missing ? { to, cc, missing: routed.missing } : { to, cc };
}
