-- Event ingestion was bound by page writes: per event, the two AFTER INSERT triggers updated
-- lead_event_counts and lead_activity_days (and its lead_id index) one row at a time, in random key
-- order, on top of the events indexes. The counters are now kept by two set-based statements per
-- ingest batch (worker/src/db/leadStore.ts, `ingestEvents`), in the same D1 batch (transaction) as the
-- insert, so they stay exact under retries: only rows this batch inserted are counted.

DROP TRIGGER IF EXISTS events_count_after_insert;
DROP TRIGGER IF EXISTS events_activity_after_insert;

-- Only erasure looked days up by lead; it now finds them through the lead's events (`deleteLead`).
DROP INDEX IF EXISTS lead_activity_days_lead;

-- The highest events rowid before an ingest batch inserts: the rows above it are the ones the batch
-- stored (SQLite gives a new row max(rowid) + 1), which is what the counter statements aggregate.
CREATE TABLE IF NOT EXISTS events_ingest_mark (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_rowid INTEGER NOT NULL
);
