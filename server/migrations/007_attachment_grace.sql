-- Complete bytes are kept at least until `keep_until`, even when no attachment names them: a device
-- uploads a file before the change that attaches it reaches the server (possibly days later, after
-- an offline spell), and meanwhile neither a removal of an attachment with the same bytes nor a
-- mail filed as nothing may free them. Once that time has passed, bytes still named by nothing are
-- freed; named ones get NULL (freed only when their last attachment is removed).
ALTER TABLE attachment_blobs ADD COLUMN keep_until timestamptz;
-- Bytes stored before this column: the default wait of one day from the upgrade.
UPDATE attachment_blobs SET keep_until = now() + interval '1 day' WHERE complete;
CREATE INDEX attachment_blobs_waiting ON attachment_blobs (tenant_id, keep_until) WHERE keep_until IS NOT NULL
