package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Setting reads one setting; ok is false when it was never set.
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&value)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return value, true, nil
}

// SetSetting stores one setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return fmt.Errorf("save setting %s: %w", key, err)
		}
		return nil
	})
}

// SettingFolderID holds the data folder's random ID (see FolderID).
const SettingFolderID = "store.folder_id"

// FolderID is this data folder's random ID, made when its database was
// created (or migrated to schema 6). The keyring scopes entries by it.
func (s *Store) FolderID(ctx context.Context) (string, error) {
	id, ok, err := s.Setting(ctx, SettingFolderID)
	if err != nil {
		return "", err
	}
	if !ok || len(id) != 32 {
		return "", fmt.Errorf("store: %s has no folder ID (setting %s)", s.path, SettingFolderID)
	}
	return id, nil
}
