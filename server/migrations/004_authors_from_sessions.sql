-- Authorship used to be taken from the device, so a ticket or visit could carry a colleague's id as
-- its creator. The "created" timeline event of each has always been stamped with the session's user
-- by the server: where the two differ, the event is the truth. Repaired rows get a new tenant
-- version (and field version) so every device pulls the corrected author.
WITH truth AS (
  SELECT DISTINCT ON (x.tenant_id, x.tbl, x.id) x.tenant_id, x.tbl, x.id, ev.data->>'by' AS author
  FROM entities x
  JOIN entities ev ON ev.tenant_id = x.tenant_id AND ev.tbl = 'timeline' AND NOT ev.deleted AND coalesce(ev.data->>'by', '') <> ''
    AND ((x.tbl = 'tickets' AND ev.ticket_id = x.id AND ev.data->>'kind' = 'created')
      OR (x.tbl = 'visits' AND ev.data->>'kind' = 'visit' AND ev.data->>'change' = 'created' AND ev.data->>'visitId' = x.id))
  WHERE x.tbl IN ('tickets', 'visits') AND NOT x.deleted AND x.data->>'createdBy' IS DISTINCT FROM ev.data->>'by'
  ORDER BY x.tenant_id, x.tbl, x.id, ev.version
),
numbered AS (
  SELECT t.*, row_number() OVER (PARTITION BY t.tenant_id ORDER BY t.tbl, t.id) AS n FROM truth t
),
bumped AS (
  UPDATE tenants SET version = tenants.version + c.k
  FROM (SELECT tenant_id, count(*) AS k FROM truth GROUP BY tenant_id) c
  WHERE tenants.id = c.tenant_id
  RETURNING tenants.id, tenants.version - c.k AS base
)
UPDATE entities e
SET data = jsonb_set(e.data, '{createdBy}', to_jsonb(n.author)),
    version = b.base + n.n,
    fv = e.fv || jsonb_build_object('createdBy', jsonb_build_object('v', b.base + n.n, 'c', 'server'))
FROM numbered n JOIN bumped b ON b.id = n.tenant_id
WHERE e.tenant_id = n.tenant_id AND e.tbl = n.tbl AND e.id = n.id;
