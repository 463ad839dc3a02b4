import { createHash } from 'node:crypto';
import { mailSystemUserId } from '../../shared/mail';
import { clientShortId, formatTicketId } from '../../shared/ticket/id';
import { eventId } from '../../shared/sync/mutations/helpers';
import type { MutationArgs, MutationName, MutationResult } from '../../shared/sync';
import type { AuthUser } from '../auth';
import type { Queryable } from '../db/types';
import { applyInTransaction } from '../push';

// The server files mail as one user per tenant ("Mail"), through the same mutations a device
// pushes: tickets and notes it creates get versions, pokes and clocks like any other write and
// reach devices by the normal pull. The user cannot sign in (no password hash, inactive).

const MAIL_USER_EMAIL = 'mail-system@servicedesk.invalid';

function mailClientId(tenantId: string): string {
  return `mailsys_${createHash('sha256').update(tenantId).digest('hex').slice(0, 24)}`;
}

async function ensureMailUser(tx: Queryable, tenantId: string): Promise<AuthUser> {
  const id = mailSystemUserId(tenantId);
  await tx.query(
    `INSERT INTO users (id, tenant_id, email, name, role, region, password_hash, active) VALUES ($1, $2, $3, 'Mail', 'agent', 'default', '!', false) ON CONFLICT DO NOTHING`,
    [id, tenantId, MAIL_USER_EMAIL],
  );
  return { id, tenantId, email: MAIL_USER_EMAIL, role: 'agent', region: 'default' };
}

export type MailCall = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];

/** The mail user's writes in the caller's transaction; `nextTicketId` mints the id of a ticket the next `run` creates. */
export type MailWriter = {
  nextTicketId: () => string;
  /** The id of the timeline event the `index`-th call of the next `run` appends (a note, to attach files to). */
  nextEventId: (index: number) => string;
  run: (calls: MailCall[], now: number) => Promise<MutationResult[]>;
};

/** Locks the tenant's mail client row (one mail writer per tenant at a time, across instances) and returns a writer. */
export async function mailWriter(tx: Queryable, tenantId: string): Promise<MailWriter> {
  const user = await ensureMailUser(tx, tenantId);
  const clientId = mailClientId(tenantId);
  const [row] = await tx.query<{ last: string | number }>(
    `INSERT INTO clients (tenant_id, client_id, user_id) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, client_id) DO UPDATE SET last_seen = now() RETURNING last_mutation_id AS last`,
    [tenantId, clientId, user.id],
  );
  let last = Number(row?.last ?? 0);
  let minted = last;
  return {
    nextTicketId: () => formatTicketId(clientShortId(clientId), ++minted),
    nextEventId: (index) => eventId({ clientId, mutationId: last + 1 + index }),
    async run(calls, now) {
      const envelopes = calls.map((c, i) => ({ id: last + 1 + i, name: c.name, args: c.args, baseVersions: {}, clientTime: now }));
      last += calls.length;
      minted = Math.max(minted, last);
      return applyInTransaction(tx, user, clientId, envelopes, () => now);
    },
  };
}
