-- Accounts, deactivation tracks, which secrets are set, and the history.
CREATE TABLE accounts (
    id             TEXT PRIMARY KEY,
    platform_id    TEXT NOT NULL,
    name           TEXT NOT NULL,
    login          TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    real_name      INTEGER NOT NULL DEFAULT 0,
    third_party    TEXT NOT NULL DEFAULT '',   -- comma-separated, sorted
    seller         INTEGER NOT NULL DEFAULT 0,
    notes          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    last_backup_at INTEGER,                    -- unix milliseconds
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX accounts_platform ON accounts (platform_id);

-- Only that a field is set, and since when: never its value.
CREATE TABLE secret_fields (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    set_at     INTEGER NOT NULL,
    PRIMARY KEY (account_id, field)
);

CREATE TABLE tracks (
    account_id   TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    ticket       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    submitted_at INTEGER,
    completed_at INTEGER,
    PRIMARY KEY (account_id, kind)
);

CREATE TABLE track_steps (
    account_id TEXT NOT NULL,
    kind       TEXT NOT NULL,
    key        TEXT NOT NULL,
    done_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, kind, key),
    FOREIGN KEY (account_id, kind) REFERENCES tracks (account_id, kind) ON DELETE CASCADE
);

-- The history outlives the account (no foreign key): the audit report still
-- shows what happened to a deleted account. Triggers keep it append-only.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    label      TEXT NOT NULL,
    at         INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    track      TEXT NOT NULL DEFAULT '',
    from_value TEXT NOT NULL DEFAULT '',
    to_value   TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    evidence   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_account ON events (account_id, id);
CREATE INDEX events_at ON events (at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
