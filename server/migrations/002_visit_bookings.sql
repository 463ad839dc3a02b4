-- Confirmed visits of one engineer may never overlap, even when several server instances confirm
-- bookings at once: the database itself refuses the second one (exclusion constraint). The busy
-- time is the window plus the travel buffer before it, half-open [start - buffer, end) in epoch ms,
-- exactly as shared/dispatch checks it. btree_gist lets a GiST index compare text with =.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE entities
  ADD COLUMN visit_engineer text GENERATED ALWAYS AS (CASE WHEN tbl = 'visits' AND NOT deleted THEN data->>'engineerId' END) STORED,
  ADD COLUMN visit_status text GENERATED ALWAYS AS (CASE WHEN tbl = 'visits' AND NOT deleted THEN data->>'status' END) STORED,
  ADD COLUMN visit_busy int8range GENERATED ALWAYS AS (
    CASE WHEN tbl = 'visits' AND NOT deleted AND data->'window' IS NOT NULL AND data->>'engineerId' IS NOT NULL
    THEN int8range(
      (data->'window'->>'start')::bigint - coalesce((data->>'travelBufferMinutes')::bigint, 0) * 60000,
      (data->'window'->>'end')::bigint)
    END) STORED;

ALTER TABLE entities ADD CONSTRAINT confirmed_visits_do_not_overlap
  EXCLUDE USING gist (tenant_id WITH =, visit_engineer WITH =, visit_busy WITH &&) WHERE (visit_status = 'confirmed');

-- The server's booking check reads an engineer's confirmed visits.
CREATE INDEX entities_confirmed_visits ON entities (tenant_id, visit_engineer) WHERE visit_status = 'confirmed';
