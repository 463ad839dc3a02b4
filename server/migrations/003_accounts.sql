-- Accounts and sessions: deactivation, sliding token expiry, short-lived event-stream tickets,
-- and login throttling shared by every instance on the database.
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;

-- 'session' tokens authenticate requests; 'events' tickets only open the SSE stream (they travel
-- in a URL, where proxies and logs may see them, so they live for a minute).
ALTER TABLE tokens ADD COLUMN kind text NOT NULL DEFAULT 'session' CHECK (kind IN ('session', 'events'));
ALTER TABLE tokens ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX tokens_by_expiry ON tokens (expires_at);
CREATE INDEX tokens_by_user ON tokens (user_id);

-- One row per throttled key (an account or a client address); absent = no recent failures.
CREATE TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure timestamptz NOT NULL,
  locked_until timestamptz
);
