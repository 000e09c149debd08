-- Core tables: API tokens, the versioned alignment model, and the audit log.

-- Named API tokens. Only the SHA-256 of the secret is stored; the secret is shown once.
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('rep', 'marketer', 'admin')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT,
  last_used_at TEXT
);

-- Every published model is an immutable row; the highest version is the live one.
-- The PRIMARY KEY on version is what makes concurrent publishes race-safe.
CREATE TABLE model_versions (
  version INTEGER PRIMARY KEY CHECK (version >= 1),
  publish_id TEXT NOT NULL UNIQUE,
  model TEXT NOT NULL,
  hash TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_by_id TEXT NOT NULL,
  rollback_of INTEGER
);

-- Who changed what. Append-only.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, id);
