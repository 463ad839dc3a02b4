-- Tenants own everything; `version` is the per-tenant change counter that pull cursors follow.
CREATE TABLE tenants (
  id text PRIMARY KEY,
  name text NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  -- Tombstones at or below this version have been purged: older cursors must reset.
  tombstone_floor bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants(id),
  email text NOT NULL,
  name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('agent', 'dispatcher', 'field_engineer', 'admin')),
  region text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);

-- Only a hash of each token is stored, so a database leak does not hand out sessions.
CREATE TABLE tokens (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);

CREATE TABLE clients (
  tenant_id text NOT NULL REFERENCES tenants(id),
  client_id text NOT NULL,
  user_id text NOT NULL REFERENCES users(id),
  last_mutation_id bigint NOT NULL DEFAULT 0,
  last_seen timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, client_id)
);

CREATE TABLE entities (
  tenant_id text NOT NULL REFERENCES tenants(id),
  tbl text NOT NULL,
  id text NOT NULL,
  -- The ticket a row belongs to (itself for tickets): field-engineer scope joins on it.
  ticket_id text,
  data jsonb,
  fv jsonb NOT NULL DEFAULT '{}',
  version bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, tbl, id)
);
CREATE INDEX entities_by_version ON entities (tenant_id, version);
CREATE INDEX entities_by_ticket ON entities (tenant_id, ticket_id);

-- Audit log of refused mutations (the user-facing record is the `conflicts` entity).
CREATE TABLE conflicts (
  tenant_id text NOT NULL REFERENCES tenants(id),
  client_id text NOT NULL,
  mutation_id bigint NOT NULL,
  name text NOT NULL,
  args jsonb,
  status text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, client_id, mutation_id)
);
