-- Attachment bytes, content-addressed per tenant: the same file attached twice (or by two devices,
-- or arriving in two mails) is stored once. Tenants never share rows, so one tenant cannot learn
-- whether another holds a file. `size` of an unfinished upload is reserved against the quota.
CREATE TABLE attachment_blobs (
  tenant_id text NOT NULL REFERENCES tenants(id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  received bigint NOT NULL DEFAULT 0,
  complete boolean NOT NULL DEFAULT false,
  content_type text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, sha256)
);

-- The bytes in the pieces they arrived in (an upload resumes at the next offset); read in order.
CREATE TABLE attachment_parts (
  tenant_id text NOT NULL,
  sha256 text NOT NULL,
  byte_offset bigint NOT NULL,
  bytes bytea NOT NULL,
  PRIMARY KEY (tenant_id, sha256, byte_offset),
  FOREIGN KEY (tenant_id, sha256) REFERENCES attachment_blobs (tenant_id, sha256) ON DELETE CASCADE
);
