// The rows a ticket's entitlement is resolved from inside a mutation: its policy, customer and
// the contract, site and asset it names. The device and the server load exactly these, so a rule
// that depends on the contract (E-Down eligibility) decides the same on both.
import { assetSchema, contractSchema, siteSchema } from '../../contract/schema';
import type { ContractConfig } from '../../contract/entitlement';
import { customerSchema } from '../../directory/schema';
import type { Policy } from '../../policy/schema';
import type { Ticket } from '../../ticket/schema';
import type { EntityReader } from '../mutation-types';
import type { SyncTable } from '../protocol';

type Named = Pick<Ticket, 'customerId' | 'contractId' | 'siteId' | 'assetId'>;

/** The contract, site and asset rows the stored ticket names (its policy and customer come from ticketRulesTouches). */
export function ticketContractTouches(read: EntityReader, ticketId: string): Array<{ table: SyncTable; id: string }> {
  const d = read('tickets', ticketId)?.data;
  if (!d) return [];
  const rows: Array<{ table: SyncTable; id: string }> = [];
  if (typeof d.contractId === 'string') rows.push({ table: 'contracts', id: d.contractId });
  if (typeof d.siteId === 'string') rows.push({ table: 'sites', id: d.siteId });
  if (typeof d.assetId === 'string') rows.push({ table: 'assets', id: d.assetId });
  return rows;
}

/** The configuration those rows make up (rows that are missing or do not parse are left out). */
export function ticketContractConfig(read: EntityReader, ticket: Named, policy: Policy): ContractConfig {
  const one = <T>(table: SyncTable, id: string | undefined, parse: (d: unknown) => { success: true; data: T } | { success: false }): Record<string, T> => {
    if (!id) return {};
    const r = parse(read(table, id)?.data);
    return r.success ? { [id]: r.data } : {};
  };
  return {
    policies: { [policy.id]: policy },
    calendars: {},
    customers: one('customers', ticket.customerId, (d) => customerSchema.safeParse(d)),
    contracts: one('contracts', ticket.contractId, (d) => contractSchema.safeParse(d)),
    sites: one('sites', ticket.siteId, (d) => siteSchema.safeParse(d)),
    assets: one('assets', ticket.assetId, (d) => assetSchema.safeParse(d)),
  };
}
