-- Reminders (derived by package reminders or made by the person) and
-- settings. account_id is NULL for reminders about no single account.
CREATE TABLE reminders (
    id            TEXT PRIMARY KEY,
    account_id    TEXT REFERENCES accounts (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    key           TEXT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL DEFAULT '',
    due_at        INTEGER NOT NULL,
    state         TEXT NOT NULL,
    snoozed_until INTEGER,
    fired_at      INTEGER,
    closed_at     INTEGER,
    created_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX reminders_key ON reminders (ifnull(account_id, ''), key);
CREATE INDEX reminders_open ON reminders (state, due_at);
CREATE INDEX reminders_account ON reminders (account_id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
