-- History entries that came from a backup say so: the file and the time
-- of the restore. Entries recorded here have '' and NULL.
ALTER TABLE events ADD COLUMN restored_from TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN restored_at INTEGER;
