-- A count of the rows written, kept by triggers on every table, so one
-- process can tell whether anything changed since another process (or an
-- earlier run) last derived something from the data: PRAGMA data_version
-- only compares within one connection. derived_stamps is not counted: a
-- stamp records the count its result was derived at. A table added later
-- must get the same three triggers (TestEveryTableCountsItsWrites).
CREATE TABLE write_count (
    only INTEGER PRIMARY KEY CHECK (only = 1),
    n    INTEGER NOT NULL
);
INSERT INTO write_count VALUES (1, 0);
CREATE TABLE derived_stamps (
    name        TEXT PRIMARY KEY,
    write_count INTEGER NOT NULL,
    items       INTEGER NOT NULL,
    inputs      TEXT NOT NULL
);
CREATE TRIGGER accounts_insert_counted AFTER INSERT ON accounts BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER accounts_update_counted AFTER UPDATE ON accounts BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER accounts_delete_counted AFTER DELETE ON accounts BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER secret_fields_insert_counted AFTER INSERT ON secret_fields BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER secret_fields_update_counted AFTER UPDATE ON secret_fields BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER secret_fields_delete_counted AFTER DELETE ON secret_fields BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER tracks_insert_counted AFTER INSERT ON tracks BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER tracks_update_counted AFTER UPDATE ON tracks BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER tracks_delete_counted AFTER DELETE ON tracks BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER track_steps_insert_counted AFTER INSERT ON track_steps BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER track_steps_update_counted AFTER UPDATE ON track_steps BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER track_steps_delete_counted AFTER DELETE ON track_steps BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER events_insert_counted AFTER INSERT ON events BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER events_update_counted AFTER UPDATE ON events BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER events_delete_counted AFTER DELETE ON events BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER reminders_insert_counted AFTER INSERT ON reminders BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER reminders_update_counted AFTER UPDATE ON reminders BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER reminders_delete_counted AFTER DELETE ON reminders BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER settings_insert_counted AFTER INSERT ON settings BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER settings_update_counted AFTER UPDATE ON settings BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER settings_delete_counted AFTER DELETE ON settings BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER phone_checks_insert_counted AFTER INSERT ON phone_checks BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER phone_checks_update_counted AFTER UPDATE ON phone_checks BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER phone_checks_delete_counted AFTER DELETE ON phone_checks BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER evidence_files_insert_counted AFTER INSERT ON evidence_files BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER evidence_files_update_counted AFTER UPDATE ON evidence_files BEGIN UPDATE write_count SET n = n + 1; END;
CREATE TRIGGER evidence_files_delete_counted AFTER DELETE ON evidence_files BEGIN UPDATE write_count SET n = n + 1; END;
