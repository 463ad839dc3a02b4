import { because } from '../conflict';
import { z } from 'zod';
import { assetSchema, contractSchema, siteSchema } from '../../contract/schema';
import { ticketCatalogueRefusal } from '../../contract/catalogue-check';
import { customerSchema } from '../../directory/schema';
import type { ContractConfig } from '../../contract/entitlement';
import { ticketSchema } from '../../ticket/schema';
import { createTicket } from '../../ticket/new-ticket';
import type { SyncTable } from '../protocol';
import { defineMutation, type EntityReader } from '../mutation-types';
import { catalogueRows, eventId, readPolicy, refuse, refuseWith, ticketWrite } from './helpers';

const name = 'ticket.create@1';

const args = z.object({
  ticket: ticketSchema,
  /** Why the severity differs from the one the impact class gives (absent from versions before the rule). */
  severityOverride: z.object({ reason: z.string().trim().min(1).max(2000) }).optional(),
});
type Args = z.infer<typeof args>;

/** The rows a new ticket's rules read: its policy, customer and the contract, site and asset it names. */
function rulesRows(a: Args): Array<{ table: SyncTable; id: string }> {
  const t = a.ticket;
  const rows: Array<{ table: SyncTable; id: string }> = [
    { table: 'policies', id: t.policyId },
    { table: 'customers', id: t.customerId },
  ];
  if (t.contractId) rows.push({ table: 'contracts', id: t.contractId });
  if (t.siteId) rows.push({ table: 'sites', id: t.siteId });
  if (t.assetId) rows.push({ table: 'assets', id: t.assetId });
  return rows;
}

/** Exactly the configuration those rows make up (rows that are missing or do not parse are left out). */
function configFrom(read: EntityReader, a: Args): ContractConfig {
  const t = a.ticket;
  const one = <T>(table: SyncTable, id: string | undefined, parse: (d: unknown) => { success: true; data: T } | { success: false }): Record<string, T> => {
    if (!id) return {};
    const r = parse(read(table, id)?.data);
    return r.success ? { [id]: r.data } : {};
  };
  const policy = readPolicy(read, t.policyId);
  return {
    policies: policy ? { [policy.id]: policy } : {},
    calendars: {},
    customers: one('customers', t.customerId, (d) => customerSchema.safeParse(d)),
    contracts: one('contracts', t.contractId, (d) => contractSchema.safeParse(d)),
    sites: one('sites', t.siteId, (d) => siteSchema.safeParse(d)),
    assets: one('assets', t.assetId, (d) => assetSchema.safeParse(d)),
  };
}

/** Creates a ticket minted offline (id from formatTicketId) through the new-ticket command, with its `created` event. */
export const ticketCreate = defineMutation({
  name: 'ticket.create',
  version: 1,
  args,
  touches: (a) => [{ table: 'tickets', id: a.ticket.id }],
  alsoTouches: (_read, a) => rulesRows(a),
  // Product line and product must be in the tenant's catalogue: checked against all of it.
  readsTables: () => ['products'],
  mutate: (read, a, ctx, tables) => {
    if (read('tickets', a.ticket.id)) return refuse(ctx, name, a.ticket.id, because('already_exists', `ticket ${a.ticket.id} already exists`, { id: a.ticket.id }));
    const notListed = ticketCatalogueRefusal(a.ticket, catalogueRows(tables));
    if (notListed) return refuseWith(ctx, name, a.ticket.id, notListed, `${a.ticket.productLine} / ${a.ticket.product}`);
    // The author is whoever is signed in (on the server: the token's user), never the device's claim.
    const r = createTicket(a.ticket, a.severityOverride, configFrom(read, a), { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, name, a.ticket.id, r.refusal, a.ticket.severity);
    return { outcome: 'applied', writes: [ticketWrite(r.ticket, Object.keys(r.ticket))], events: [r.event], conflicts: [] };
  },
});
