import { isTicketInScope } from '../../shared/sync';
import type { AuthUser } from '../auth';
import type { Db } from '../db/types';

type RefRow = { region: string | null; owner_id: string | null; via_visit: boolean };

/**
 * Whether the user may download the bytes with this hash. Everyone but field engineers sees the
 * whole tenant; a field engineer needs a ticket in their scope (region, ownership, a visit of theirs)
 * that lists an attachment with these bytes, exactly as sync decides what reaches their device.
 */
export async function mayDownload(db: Db, user: AuthUser, sha256: string): Promise<boolean> {
  if (user.role !== 'field_engineer') return true;
  const rows = await db.query<RefRow>(
    `SELECT t.data->>'region' AS region, t.data->>'ownerId' AS owner_id,
        EXISTS (SELECT 1 FROM entities v WHERE v.tenant_id = a.tenant_id AND v.ticket_id = a.ticket_id AND v.visit_engineer = $3) AS via_visit
      FROM entities a JOIN entities t ON t.tenant_id = a.tenant_id AND t.tbl = 'tickets' AND t.id = a.ticket_id AND NOT t.deleted
      WHERE a.tenant_id = $1 AND a.tbl = 'attachments' AND NOT a.deleted AND a.data->'items' @> $2::jsonb`,
    [user.tenantId, JSON.stringify([{ sha256 }]), user.id],
  );
  const su = { id: user.id, role: user.role, region: user.region };
  return rows.some((r) => isTicketInScope({ region: r.region ?? '', ownerId: r.owner_id ?? undefined }, su, r.via_visit));
}
