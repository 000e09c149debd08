-- The model preview compares the most recently updated leads (at most 5,000 per request);
-- without this index that is a scan and sort of every lead.
CREATE INDEX IF NOT EXISTS leads_updated_at ON leads (updated_at DESC, id DESC);
