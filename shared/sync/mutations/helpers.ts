import { ticketSchema, type Ticket } from '../../ticket/schema';
import type { Refusal } from '../../ticket/command';
import { policySchema, type Policy } from '../../policy/schema';
import type { ContractTier } from '../../policy/priority';
import { customerSchema } from '../../directory/schema';
import { productSchema, type Product } from '../../contract/schema';
import type { TimelineEvent } from '../../ticket/timeline';
import { because, conflictId, type ConflictReason, type ConflictRecord } from '../conflict';
import type { FieldVersions } from '../protocol';
import { entityKey } from '../protocol';
import type { EntityReader, MutationCtx, MutationResultBody, TableReader } from '../mutation-types';

/** Loads and parses a ticket the mutation touches. */
export function readTicket(read: EntityReader, id: string): { ticket: Ticket; fv: FieldVersions } | undefined {
  const snap = read('tickets', id);
  if (!snap) return undefined;
  return { ticket: ticketSchema.parse(snap.data), fv: snap.fv };
}

/** The client's base field versions for one ticket. */
export function ticketBase(ctx: MutationCtx, ticketId: string): Record<string, number> | undefined {
  return ctx.baseVersions[entityKey('tickets', ticketId)];
}

/** Deterministic event id: the same mutation mints the same ids on the client and the server. */
export function eventId(ctx: Pick<MutationCtx, 'clientId' | 'mutationId'>, n = 0): string {
  return `ev:${ctx.clientId}:${ctx.mutationId}:${n}`;
}

export function conflictRecord(
  ctx: MutationCtx,
  mutation: string,
  ticketId: string,
  field: string,
  values: { base?: string; mine: string; theirs: string },
  why: string | ConflictReason,
  status: ConflictRecord['status'] = 'open',
): ConflictRecord {
  // A coded reason is shown in each reader's language; the English text stays for older devices.
  const reason = typeof why === 'string' ? why : why.message;
  return {
    ...(typeof why === 'string' ? {} : { refusal: why }),
    id: conflictId(ctx, field),
    ticketId,
    mutation,
    field,
    base: values.base ?? '',
    mine: values.mine,
    theirs: values.theirs,
    userId: ctx.userId,
    clientId: ctx.clientId,
    mutationId: ctx.mutationId,
    reason,
    status,
    createdAt: ctx.now,
  };
}

/** The timeline fact that makes a conflict visible to everyone who opens the ticket. */
export function conflictEvent(ctx: MutationCtx, c: ConflictRecord, n: number): TimelineEvent {
  return { id: eventId(ctx, n), ticketId: c.ticketId, at: ctx.now, by: ctx.userId, kind: 'conflict', field: c.field, mine: c.mine, theirs: c.theirs, resolved: c.status !== 'open' };
}

/** A whole-mutation refusal (ticket missing, transition not allowed, no permission). */
export function refuse(ctx: MutationCtx, mutation: string, ticketId: string, why: string | ConflictReason, mine = '', theirs = ''): MutationResultBody {
  const c = conflictRecord(ctx, mutation, ticketId, '_mutation', { mine, theirs }, why);
  return { outcome: 'conflict', writes: [], events: [], conflicts: [c], message: c.reason };
}

/** The ticket a mutation names is not (or no longer) there. */
export const ticketNotFound = (ticketId: string) => because('ticket_not_found', `ticket ${ticketId} not found`, { ticketId });
/** The visit a mutation names is not (or no longer) there. */
export const visitNotFound = (visitId: string) => because('visit_not_found', `visit ${visitId} not found`, { visit: visitId });

export function ticketWrite(ticket: Ticket, fields: string[]): { table: 'tickets'; id: string; data: Record<string, unknown>; fields: string[] } {
  return { table: 'tickets', id: ticket.id, data: ticket, fields };
}

/** A domain command's refusal as a mutation result: a visible conflict carrying the command's reason and code. */
export function refuseWith(ctx: MutationCtx, mutation: string, ticketId: string, r: Refusal, mine = '', theirs = ''): MutationResultBody {
  const c: ConflictRecord = { ...conflictRecord(ctx, mutation, ticketId, '_mutation', { mine, theirs }, r.message), refusal: r };
  return { outcome: 'conflict', writes: [], events: [], conflicts: [c], message: r.message, refusal: r };
}

/** The ticket's policy and customer, which a command's rules come from (load them with `ticketRulesTouches`). */
export function ticketRulesTouches(read: EntityReader, ticketId: string): Array<{ table: 'policies' | 'customers'; id: string }> {
  const d = read('tickets', ticketId)?.data;
  if (!d) return [];
  const out: Array<{ table: 'policies' | 'customers'; id: string }> = [];
  if (typeof d.policyId === 'string') out.push({ table: 'policies', id: d.policyId });
  if (typeof d.customerId === 'string') out.push({ table: 'customers', id: d.customerId });
  return out;
}

/** The policy row, or undefined when it is not here or does not parse (then the command falls back to what is safe without it). */
export function readPolicy(read: EntityReader, id: string): Policy | undefined {
  const r = policySchema.safeParse(read('policies', id)?.data);
  return r.success ? r.data : undefined;
}

/** The customer's contract tier, or undefined when the customer is not known here. */
export function readTier(read: EntityReader, customerId: string): ContractTier | undefined {
  const r = customerSchema.safeParse(read('customers', customerId)?.data);
  return r.success ? r.data.contractTier : undefined;
}

/** The tenant's product catalogue as the caller holds it (rows that do not parse are left out). */
export function catalogueRows(tables: TableReader): Product[] {
  return tables('products').flatMap((row) => {
    const r = productSchema.safeParse(row);
    return r.success ? [r.data] : [];
  });
}
