import { z } from 'zod';

/** The schema version this build speaks; every request carries it. */
export const SCHEMA_VERSION = 5;
/** The oldest client schema version the server still accepts (older ones are told to update). */
export const MIN_SCHEMA_VERSION = 1;
/** Hard limits that keep one request bounded; the server rejects anything larger with a 4xx. */
export const MAX_MUTATIONS_PER_PUSH = 500;
export const MAX_PULL_LIMIT = 5000;
export const DEFAULT_PULL_LIMIT = 2000;

export const syncTables = [
  'tickets',
  'timeline',
  'conflicts',
  'visits',
  'customers',
  'engineers',
  'policies',
  'calendars',
  'escalationMatrices',
  'warehouse',
  'savedViews',
  'attachments',
  'products',
  'sites',
  'assets',
  'contracts',
] as const;
export const syncTableSchema = z.enum(syncTables);
/** Tables a client of an older schema version does not know; the server leaves them out of its pulls. */
export const tablesSince: Partial<Record<(typeof syncTables)[number], number>> = { warehouse: 3, savedViews: 4, attachments: 5, products: 5, sites: 5, assets: 5, contracts: 5 };
export type SyncTable = z.infer<typeof syncTableSchema>;

export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'client id must be 8-64 of A-Z a-z 0-9 _ -');

/** `name@version`, e.g. `ticket.create@1`. */
export const mutationNameSchema = z.string().regex(/^[a-z][A-Za-z0-9.]*@\d{1,3}$/, 'mutation name must look like "ticket.create@1"');

/** Per entity (`table/id`), the field versions the client had seen when it made the change. */
export const baseVersionsSchema = z.record(z.string().max(200), z.record(z.string().max(100), z.number().int().nonnegative()));
export type BaseVersions = z.infer<typeof baseVersionsSchema>;

export const mutationEnvelopeSchema = z.object({
  id: z.number().int().positive(),
  name: mutationNameSchema,
  args: z.unknown(),
  baseVersions: baseVersionsSchema.default({}),
  clientTime: z.number().int().nonnegative(),
});
export type MutationEnvelope = z.infer<typeof mutationEnvelopeSchema>;

export const pushRequestSchema = z.object({
  clientId: clientIdSchema,
  schemaVersion: z.number().int().nonnegative(),
  mutations: z.array(mutationEnvelopeSchema).min(1).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationStatuses = ['applied', 'conflict', 'rejected', 'skipped'] as const;
export const mutationResultSchema = z.object({
  id: z.number().int().positive(),
  status: z.enum(mutationStatuses),
  message: z.string().optional(),
  conflictIds: z.array(z.string()).optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  lastMutationId: z.number().int().nonnegative(),
  /** Set when the batch skipped an id: the server stopped there and the client must resend from lastMutationId + 1. */
  gapAt: z.number().int().positive().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  clientId: clientIdSchema,
  schemaVersion: z.number().int().nonnegative(),
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** Per field: the tenant version that last wrote it and the client that wrote it. */
export const fieldVersionSchema = z.object({ v: z.number().int().nonnegative(), c: z.string() });
export type FieldVersion = z.infer<typeof fieldVersionSchema>;
export const fieldVersionsSchema = z.record(z.string(), fieldVersionSchema);
export type FieldVersions = z.infer<typeof fieldVersionsSchema>;

export const pullRowSchema = z.object({
  table: syncTableSchema,
  id: z.string().min(1),
  version: z.number().int().nonnegative(),
  fv: fieldVersionsSchema,
  /** The row's data; null for a tombstone. */
  data: z.record(z.string(), z.unknown()).nullable(),
  deleted: z.boolean(),
});
export type PullRow = z.infer<typeof pullRowSchema>;

export const pullResponseSchema = z.object({
  rows: z.array(pullRowSchema),
  cursor: z.number().int().nonnegative(),
  lastMutationId: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** The cursor predates purged tombstones: drop synced rows, keep the outbox, pull again from 0. */
  reset: z.boolean().optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const loginRequestSchema = z.object({
  /** May be left out when the e-mail belongs to one tenant only. */
  tenant: z.string().min(1).max(100).optional(),
  email: z.string().min(3).max(320),
  password: z.string().min(1).max(1000),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.number().int(),
  user: z.object({ id: z.string(), tenant: z.string(), email: z.string(), role: z.string(), region: z.string() }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** The error body of every 4xx/5xx answer. `code` is stable, `message` is for people. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Key of an entity in base versions and conflict records. */
export function entityKey(table: SyncTable, id: string): string {
  return `${table}/${id}`;
}
