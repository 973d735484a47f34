-- A random ID of this data folder: keyring entries are keyed by it, so two
-- folders (a restored copy, a second profile) keep their secrets apart.
INSERT OR IGNORE INTO settings (key, value) VALUES ('store.folder_id', lower(hex(randomblob(16))));
