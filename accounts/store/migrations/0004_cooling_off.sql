-- A track's cooling-off: when the platform accepted the request and the
-- last day on which signing in can still cancel it (unix milliseconds).
-- Existing tracks have none; their other columns are unchanged.
ALTER TABLE tracks ADD COLUMN cooling_started_at INTEGER;
ALTER TABLE tracks ADD COLUMN cooling_until INTEGER;
