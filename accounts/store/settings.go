package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
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

// The settings more than one package reads. Each has one typed reader
// below, so every reader gets the same value and the same fallback.
const (
	// SettingLanguage is the GUI's language: "zh", "en", or "" for the
	// system's. Reminder texts follow it.
	SettingLanguage = "ui.language"
	// SettingBackupIntervalDays is how often a kept account is due for a
	// backup, in days (the GUI's settings write it; reminders and the
	// report read it).
	SettingBackupIntervalDays = "reminders.backup_interval_days"
	// DefaultBackupIntervalDays applies when the interval was never set or
	// holds something other than a positive number of days.
	DefaultBackupIntervalDays = 90
	// SettingDueHour is the hour (China time) reminders fall due, from
	// FirstDueHour to LastDueHour.
	SettingDueHour = "reminders.due_hour"
	// DefaultDueHour is 10:00 in Beijing: platforms' service desks are open.
	DefaultDueHour = 10
	// FirstDueHour and LastDueHour bound the hours a person can choose.
	FirstDueHour, LastDueHour = 6, 22
)

// DueHour reads SettingDueHour, or DefaultDueHour when it is unset or
// outside FirstDueHour–LastDueHour.
func (s *Store) DueHour(ctx context.Context) (int, error) {
	v, ok, err := s.Setting(ctx, SettingDueHour)
	if err != nil || !ok {
		return DefaultDueHour, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < FirstDueHour || n > LastDueHour {
		return DefaultDueHour, nil
	}
	return n, nil
}

// Language reads SettingLanguage: "zh", "en", or "" (follow the system)
// when it is unset or holds anything else.
func (s *Store) Language(ctx context.Context) (string, error) {
	v, _, err := s.Setting(ctx, SettingLanguage)
	if err != nil {
		return "", err
	}
	if v != "zh" && v != "en" {
		return "", nil
	}
	return v, nil
}

// BackupIntervalDays reads SettingBackupIntervalDays, or
// DefaultBackupIntervalDays when unset or not a positive number.
func (s *Store) BackupIntervalDays(ctx context.Context) (int, error) {
	return s.PositiveIntSetting(ctx, SettingBackupIntervalDays, DefaultBackupIntervalDays)
}

// PositiveIntSetting reads a setting that holds a positive whole number
// (surrounding spaces allowed); def when it is unset or holds anything else.
func (s *Store) PositiveIntSetting(ctx context.Context, key string, def int) (int, error) {
	v, ok, err := s.Setting(ctx, key)
	if err != nil || !ok {
		return def, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 {
		return def, nil
	}
	return n, nil
}

// BoolSetting reads a setting written as "true" or "false"; def when it is
// unset or holds anything else.
func (s *Store) BoolSetting(ctx context.Context, key string, def bool) (bool, error) {
	v, ok, err := s.Setting(ctx, key)
	if err != nil || !ok {
		return def, err
	}
	switch strings.TrimSpace(v) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return def, nil
}
