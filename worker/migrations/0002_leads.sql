-- Leads, their behavioural events, connect attempts, lifecycle transitions and stage history.
-- Sized for 1 M leads and 50 M events per deployment: every lookup and aggregation below has an index,
-- and per-lead interest counters are kept by trigger so dashboards never scan the events table.
-- Timestamps are ISO 8601 strings in UTC (`Date#toISOString()`), so text order is time order.

CREATE TABLE IF NOT EXISTS leads (
  id TEXT PRIMARY KEY,
  -- Natural key, stored lower-cased so equality is case-insensitive without a function index.
  email TEXT NOT NULL UNIQUE,
  name TEXT,
  title TEXT,
  company TEXT,
  domain TEXT,
  industry TEXT,
  employees INTEGER,
  country TEXT,
  linkedin_url TEXT,
  -- Canonical profile key (`in/<slug>` lower-cased) so www/locale/trailing-slash variants find the same lead.
  linkedin_key TEXT,
  source TEXT,
  lead_type TEXT,
  lifecycle_stage TEXT NOT NULL,
  lead_status TEXT,
  owner TEXT,
  attributes TEXT,
  -- When the lead entered its current lifecycle stage (funnel "days per stage", SLA clock start).
  stage_entered_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS leads_linkedin_key ON leads (linkedin_key) WHERE linkedin_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS leads_created_at ON leads (created_at);

-- The lead's pipeline: one row per stage entry or transition (accept, return with a reason, disqualify …).
-- The funnel counts entries per stage within a period; returns and their reasons come from `status`/`reason`.
CREATE TABLE IF NOT EXISTS lead_stage_history (
  lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  at TEXT NOT NULL,
  from_stage TEXT,
  status TEXT,
  reason TEXT,
  transition_id TEXT,
  by TEXT,
  PRIMARY KEY (lead_id, stage, at)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lead_stage_history_stage_at ON lead_stage_history (stage, at);

-- Behavioural events; `id` is the sender's id, which makes ingestion idempotent (INSERT OR IGNORE).
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  props TEXT,
  received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_lead_at ON events (lead_id, at);

-- Pre-aggregated interest counters per lead and event type, maintained by trigger in the same
-- transaction as the insert, so they are exact under retries (ignored duplicates fire no trigger).
CREATE TABLE IF NOT EXISTS lead_event_counts (
  lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  count INTEGER NOT NULL,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (lead_id, type)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS events_count_after_insert AFTER INSERT ON events
BEGIN
  INSERT INTO lead_event_counts (lead_id, type, count, first_at, last_at)
  VALUES (NEW.lead_id, NEW.type, 1, NEW.at, NEW.at)
  ON CONFLICT (lead_id, type) DO UPDATE SET
    count = count + 1,
    first_at = min(first_at, excluded.first_at),
    last_at = max(last_at, excluded.last_at);
END;

-- Days on which a lead did anything, kept by trigger: the funnel's "lead active rate" reads a range of
-- days instead of scanning events. At most one row per lead and day, however many events it had.
CREATE TABLE IF NOT EXISTS lead_activity_days (
  day TEXT NOT NULL,
  lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (day, lead_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lead_activity_days_lead ON lead_activity_days (lead_id);

CREATE TRIGGER IF NOT EXISTS events_activity_after_insert AFTER INSERT ON events
BEGIN
  INSERT INTO lead_activity_days (day, lead_id, first_at, last_at)
  VALUES (substr(NEW.at, 1, 10), NEW.lead_id, NEW.at, NEW.at)
  ON CONFLICT (day, lead_id) DO UPDATE SET
    first_at = min(first_at, excluded.first_at),
    last_at = max(last_at, excluded.last_at);
END;

-- Connect attempts (SLA: first touch; "6 touches in 10 business days").
CREATE TABLE IF NOT EXISTS lead_attempts (
  id TEXT PRIMARY KEY,
  lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  channel TEXT NOT NULL,
  outcome TEXT NOT NULL,
  note TEXT,
  at TEXT NOT NULL,
  by TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS lead_attempts_lead_at ON lead_attempts (lead_id, at);
CREATE INDEX IF NOT EXISTS lead_stage_history_status_at ON lead_stage_history (status, at) WHERE status IS NOT NULL;
