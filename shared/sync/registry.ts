import type { z } from 'zod';
import { describeZodError } from '../ipc/contract';
import type { SyncTable } from './protocol';
import type { EntityReader, MutationCtx, MutationDef, MutationResultBody, TableReader } from './mutation-types';
import { ticketCreate } from './mutations/ticket-create';
import { ticketUpdate, ticketUpdateV0Args, upgradeTicketUpdateV0 } from './mutations/ticket-update';
import { changeSeverityV1Args, ticketChangeSeverity, upgradeChangeSeverityV1 } from './mutations/ticket-severity';
import { ticketChangeStatus } from './mutations/ticket-status';
import { ticketAssign } from './mutations/ticket-assign';
import { timelineAddNote, ticketRecordEscalation, ticketRecordSlaAlert } from './mutations/timeline-append';
import { conflictResolve } from './mutations/conflict-resolve';
import { ticketDelete } from './mutations/ticket-delete';
import { ticketSetPriority } from './mutations/ticket-priority';
import { ticketRecordCustomerUpdate } from './mutations/ticket-customer-update';
import { configDelete, configPut } from './mutations/config';
import { visitCreate } from './mutations/visit-create';
import { visitAction } from './mutations/visit-action';
import { visitParts } from './mutations/visit-parts';
import { viewDelete, viewPut } from './mutations/saved-view';
import { mailRecordResult, mailSend } from './mutations/mail';
import { attachmentAdd } from './mutations/attachment-add';
import { attachmentRemove } from './mutations/attachment-remove';
import { ticketDeliverRfo, ticketRequestRfo } from './mutations/ticket-rfo';
import { ticketDefer } from './mutations/ticket-defer';
import { ticketSetDefectReference } from './mutations/ticket-defect';
import { ticketEscalateNoProgress, ticketInterimReport, ticketRecordHandoff } from './mutations/ticket-internal';

/** A mutation whose args passed validation, ready to load what it touches and run. */
export type PreparedMutation = {
  name: string;
  args: unknown;
  touches: Array<{ table: SyncTable; id: string }>;
  /** Further entities to load once `touches` are readable (empty for most mutations). */
  alsoTouches: (read: EntityReader) => Array<{ table: SyncTable; id: string }>;
  /** Small tables to load whole before running (empty for most mutations). */
  readsTables: SyncTable[];
  run: (read: EntityReader, ctx: MutationCtx, tables: TableReader) => MutationResultBody;
};

export type PrepareResult = { ok: true; mutation: PreparedMutation } | { ok: false; code: 'unknown_mutation' | 'invalid_args'; message: string };

type Entry = { prepare: (raw: unknown) => PrepareResult };

function entry<A, N extends string, V extends number, I>(def: MutationDef<A, N, V, I>): [string, Entry] {
  const name = `${def.name}@${def.version}`;
  return [
    name,
    {
      prepare: (raw) => {
        const parsed = def.args.safeParse(raw);
        if (!parsed.success) return { ok: false, code: 'invalid_args', message: `${name}: ${describeZodError(parsed.error)}` };
        const args = parsed.data;
        const also = def.alsoTouches;
        return {
          ok: true,
          mutation: { name, args, touches: def.touches(args), alsoTouches: (read) => (also ? also(read, args) : []), readsTables: def.readsTables?.(args) ?? [], run: (read, ctx, tables) => def.mutate(read, args, ctx, tables) },
        };
      },
    },
  ];
}

/** Every mutation this build runs, newest version of each. */
const defs = [
  ticketCreate,
  ticketUpdate,
  ticketChangeSeverity,
  ticketChangeStatus,
  ticketAssign,
  timelineAddNote,
  ticketRecordEscalation,
  ticketRecordSlaAlert,
  conflictResolve,
  ticketDelete,
  ticketSetPriority,
  ticketRecordCustomerUpdate,
  configPut,
  configDelete,
  visitCreate,
  visitAction,
  visitParts,
  viewPut,
  viewDelete,
  mailSend,
  mailRecordResult,
  attachmentAdd,
  attachmentRemove,
  ticketRequestRfo,
  ticketDeliverRfo,
  ticketDefer,
  ticketSetDefectReference,
  ticketRecordHandoff,
  ticketEscalateNoProgress,
  ticketInterimReport,
] as const;

type Def = (typeof defs)[number];

/**
 * Each current mutation's name ('ticket.assign@1') and the args a caller sends (before defaults):
 * a typed `mutate` built on this map rejects a misspelt name or wrong args at compile time.
 */
export type MutationArgsMap = { [D in Def as `${D['name']}@${D['version']}`]: z.input<D['args']> };
export type MutationName = keyof MutationArgsMap;
export type MutationArgs<N extends MutationName> = MutationArgsMap[N];

const current = new Map<string, Entry>(defs.map((d: Def) => entry(d as MutationDef<unknown, string, number, unknown>)));

/** Older mutation versions still accepted: each parses its own args and rewrites them for the newer version. */
type Upgrade = { to: string; schema: z.ZodType<unknown>; upgrade: (a: never) => unknown };
const upgrades = new Map<string, Upgrade>([
  ['ticket.update@0', { to: 'ticket.update@1', schema: ticketUpdateV0Args, upgrade: upgradeTicketUpdateV0 }],
  ['ticket.changeSeverity@1', { to: 'ticket.changeSeverity@2', schema: changeSeverityV1Args, upgrade: upgradeChangeSeverityV1 }],
]);

/** Every mutation name this build can run, newest versions only. */
export const mutationNames = [...current.keys()] as readonly MutationName[];

/** Validates a named mutation's args (upgrading old versions first); never throws on bad input. */
export function prepareMutation(name: string, rawArgs: unknown): PrepareResult {
  let n = name;
  let raw = rawArgs;
  for (let hops = 0; hops < 10; hops++) {
    const up = upgrades.get(n);
    if (!up) break;
    const parsed = up.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, code: 'invalid_args', message: `${n}: ${describeZodError(parsed.error)}` };
    raw = (up.upgrade as (a: unknown) => unknown)(parsed.data);
    n = up.to;
  }
  const e = current.get(n);
  if (!e) return { ok: false, code: 'unknown_mutation', message: `unknown mutation "${name}"` };
  return e.prepare(raw);
}
