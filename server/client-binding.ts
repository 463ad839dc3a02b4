// Who may push and pull under a client id, and which database errors are the database's fault
// (retry later) rather than one mutation's (refuse that mutation, apply the rest).

/** A push or pull under a client id that another user of the tenant registered first. */
export class ClientIdNotYours extends Error {
  constructor(readonly clientId: string) {
    super(`client id ${clientId} belongs to another user of this organisation; sign in again on this device to get its own client id (nothing was changed)`);
    this.name = 'ClientIdNotYours';
  }
}

// SQLSTATE classes that say nothing about the data: connection (08), rollback/deadlock (40),
// resources (53), operator intervention/shutdown (57), system (58), internal (XX).
const TRANSIENT_CLASSES = new Set(['08', '40', '53', '57', '58', 'XX']);

/** True when an error is about the database being unavailable or busy, not about the statement's data. */
export function isTransientDbError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length === 5 && TRANSIENT_CLASSES.has(code.slice(0, 2));
}
