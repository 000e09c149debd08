-- Responses to non-idempotent writes sent with an `Idempotency-Key` header, so a retried request
-- (lost response, restarted service worker) replays the first answer instead of writing again.
-- A row is claimed (status NULL) before the handler runs; the PRIMARY KEY is what stops two
-- concurrent duplicates from both executing. Rows older than 24 h are purged on the next claim.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  caller_id TEXT NOT NULL,
  key TEXT NOT NULL,
  -- SHA-256 of method, path and body: the same key with another request is refused (422).
  request_hash TEXT NOT NULL,
  -- NULL while the first request is in flight.
  status INTEGER,
  content_type TEXT,
  location TEXT,
  body TEXT,
  created_at TEXT NOT NULL,
  completed_at TEXT,
  PRIMARY KEY (caller_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at);
