import type { z } from 'zod';
import type { UserRole } from '../directory/schema';
import type { TimelineEvent } from '../ticket/timeline';
import type { BaseVersions, FieldVersions, SyncTable } from './protocol';
import type { ConflictRecord } from './conflict';
import type { Refusal } from '../ticket/command';

/** What a mutator sees of one entity: its data and the version of each field. */
export type EntitySnapshot = { data: Record<string, unknown>; fv: FieldVersions };

/** Synchronous read access to the entities a mutation declared it touches (preloaded by the caller). */
export type EntityReader = (table: SyncTable, id: string) => EntitySnapshot | undefined;

/**
 * Every live row of a small configuration table the mutation declared it reads whole (the product
 * catalogue), as the caller holds it, this batch's own writes included.
 */
export type TableReader = (table: SyncTable) => Array<Record<string, unknown>>;

/** For callers that load no whole table (the mutation declares none). */
export const noTables: TableReader = () => [];

export type MutationCtx = {
  userId: string;
  role: UserRole;
  region: string;
  /** Server time on the server, device time on the client: used for event instants, never for conflicts. */
  now: number;
  clientId: string;
  mutationId: number;
  baseVersions: BaseVersions;
};

/** A full new value of one entity and which of its fields changed (those get new field versions). */
export type EntityWrite = { table: SyncTable; id: string; data: Record<string, unknown>; fields: string[]; deleted?: boolean };

export type MutationResultBody = {
  /** 'conflict' = a business rule refused all or part of it; the conflicts say what and why. */
  outcome: 'applied' | 'conflict';
  writes: EntityWrite[];
  /** Append-only timeline events; inserted only if their id is new, so replays never duplicate them. */
  events: TimelineEvent[];
  conflicts: ConflictRecord[];
  message?: string;
  /** When a domain command refused the whole mutation: its code and parameters, so the UI can say why in the user's language. */
  refusal?: Refusal;
};

export type MutationDef<A, N extends string = string, V extends number = number, I = A> = {
  name: N;
  version: V;
  /** Parses what a caller sends (`I`, defaults still missing) into what the mutator runs on (`A`). */
  args: z.ZodType<A, I>;
  /** Entities the mutator reads; the caller loads (and on the server locks) them first. */
  touches: (args: A) => Array<{ table: SyncTable; id: string }>;
  /** Entities found only through what `touches` loaded (a visit's ticket, a ticket's policy); loaded in a second step. */
  alsoTouches?: (read: EntityReader, args: A) => Array<{ table: SyncTable; id: string }>;
  /** Small configuration tables the mutator reads whole (a rule checks membership, e.g. in the catalogue); read, never locked. */
  readsTables?: (args: A) => SyncTable[];
  mutate: (read: EntityReader, args: A, ctx: MutationCtx, tables: TableReader) => MutationResultBody;
};

/** Keeps a def's literal name and version and its args types, so the registry can type every mutation's call. */
export function defineMutation<A, const N extends string, const V extends number, I = A>(def: MutationDef<A, N, V, I>): MutationDef<A, N, V, I> {
  return def;
}
