-- Support mailboxes, one or more per tenant, configured by an admin. Settings (hosts, ports, TLS,
-- folder, user names, sender address, ticket defaults) are plain JSON; the passwords only ever
-- as AES-256-GCM ciphertext made with the server's mail key, so a database dump alone opens nothing.
CREATE TABLE mailboxes (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  settings jsonb NOT NULL,
  secret text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- Where polling stands: a new UIDVALIDITY means the folder was rebuilt and UIDs start over.
  uid_validity bigint,
  last_uid bigint NOT NULL DEFAULT 0,
  last_poll_at timestamptz,
  last_error text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Every inbound message handled, once. The row is inserted in the same transaction as the ticket or
-- note it produced: a second instance (or a restart) that meets the message again finds the row,
-- or waits on the unique index until the first commits, and does nothing.
CREATE TABLE mail_messages (
  tenant_id text NOT NULL REFERENCES tenants(id),
  mailbox_id text NOT NULL,
  uid_validity bigint NOT NULL,
  uid bigint NOT NULL,
  message_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('ticket', 'note', 'auto_reply', 'bounce', 'loop', 'rejected')),
  ticket_id text,
  detail text NOT NULL DEFAULT '',
  handled_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, mailbox_id, uid_validity, uid)
);
CREATE UNIQUE INDEX mail_messages_by_message_id ON mail_messages (tenant_id, message_id);

-- Mail a person sent from a ticket: queued by their synced mutation, sent by whichever instance
-- claims it first (FOR UPDATE SKIP LOCKED), its Message-ID kept so customer replies thread.
CREATE TABLE mail_outbound (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  ticket_id text NOT NULL,
  mailbox_id text NOT NULL,
  message_id text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  error text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  sent_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX mail_outbound_by_message_id ON mail_outbound (tenant_id, message_id);
CREATE INDEX mail_outbound_pending ON mail_outbound (status) WHERE status IN ('queued', 'sending');
