-- Evidence files attached to a track: the content is in the data folder's
-- evidence/ folder under its SHA-256; this is what is known about it.
-- Deliberately no foreign key to accounts: like the history, a record the
-- person keeps on deleting the account survives it (label keeps the
-- account's name), so the report can still prove what was sent. Deleting
-- the account with its evidence removes the rows first, one event each.
CREATE TABLE evidence_files (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    label      TEXT NOT NULL,
    track      TEXT NOT NULL,
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    name       TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size > 0),
    media_type TEXT NOT NULL,
    added_at   INTEGER NOT NULL,              -- unix milliseconds
    note       TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX evidence_files_content ON evidence_files (account_id, track, sha256);
CREATE INDEX evidence_files_sha ON evidence_files (sha256);
