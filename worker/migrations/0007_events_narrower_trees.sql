-- Event ingestion is bound by the pages each batch writes at random places in the B-trees an event touches
-- (events_lead_at, lead_event_counts, lead_activity_days). Two of them carried bytes nothing reads:
--   * events_lead_at keyed each event by its ISO text time (24 bytes); lookups can order by the epoch ms that
--     every row has carried since 0005 (8 bytes at most), so the index is rebuilt on (lead_id, at_ms);
--   * lead_event_counts kept first_at/last_at per lead and type, which no query reads (scoring needs counts,
--     the funnel reads lead_activity_days), so that table keeps only the count.
-- Smaller trees hold more rows per page: fewer pages for a batch to rewrite and more of them in the page cache.

-- Every row gets its epoch ms before the index uses it (0005 backfilled; this catches any row written since
-- without one), so the per-lead order by at_ms is the order by `at`.
UPDATE events SET at_ms = CAST(round(unixepoch(at, 'subsec') * 1000) AS INTEGER) WHERE at_ms IS NULL;
CREATE INDEX IF NOT EXISTS events_lead_at_ms ON events (lead_id, at_ms);
DROP INDEX IF EXISTS events_lead_at;

CREATE TABLE lead_event_counts_0007 (
  lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (lead_id, type)
) WITHOUT ROWID;
INSERT INTO lead_event_counts_0007 (lead_id, type, count) SELECT lead_id, type, count FROM lead_event_counts;
DROP TABLE lead_event_counts;
ALTER TABLE lead_event_counts_0007 RENAME TO lead_event_counts;

-- The highest leads rowid before an ingest batch creates stub leads: the stubs are the rows above it, so their
-- first stage-history entries are written from that range instead of looking up every email of the batch again.
ALTER TABLE events_ingest_mark ADD COLUMN last_lead_rowid INTEGER NOT NULL DEFAULT 0;

-- Ingestion resolves every event's email to its lead id: with the id in the index next to the email, that is a
-- covering index search, not a search of the email index plus a read of the lead's (wide) row for its id.
CREATE INDEX IF NOT EXISTS leads_email_id ON leads (email, id);
