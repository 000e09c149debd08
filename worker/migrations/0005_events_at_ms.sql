-- Event times as epoch milliseconds, parsed once on write. Scoring a lead reads up to 2,000 of its
-- events on every lookup, and parsing their ISO text was about half of the scoring time. `at` stays
-- the source of truth (text order is time order; the indexes use it). A NULL at_ms (a row written by
-- an older Worker while this deploys) is safe: the engine then parses `at` itself.
ALTER TABLE events ADD COLUMN at_ms INTEGER;

-- `subsec` keeps the milliseconds (SQLite ≥ 3.42, as in D1); rounding removes the float error of × 1000.
UPDATE events SET at_ms = CAST(round(unixepoch(at, 'subsec') * 1000) AS INTEGER) WHERE at_ms IS NULL;
