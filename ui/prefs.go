package ui

import (
	"context"
	"strconv"
	"time"

	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
)

// Setting keys in the store. The backup interval is read by the reminder
// rules (package reminders) too.
const (
	KeyLanguage         = reminders.SettingLanguage // "ui.language"
	KeyClipboardTimeout = "ui.clipboard_timeout_seconds"
	KeyBackupInterval   = reminders.SettingBackupInterval
	KeyStartAtLogin     = "ui.start_at_login"
	KeyCloseToTray      = "ui.close_to_tray"
)

// DefaultBackupInterval is how often a kept account is due for a backup.
const DefaultBackupInterval = reminders.DefaultBackupIntervalDays

// prefs are the person's settings, loaded from the store.
type prefs struct {
	Language         string
	ClipboardTimeout time.Duration
	BackupDays       int
	StartAtLogin     bool
	CloseToTray      bool
}

// settingStore is the part of the store prefs use; tests may fake it.
type settingStore interface {
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

var _ settingStore = (*store.Store)(nil)

func loadPrefs(ctx context.Context, st settingStore) prefs {
	p := prefs{ClipboardTimeout: DefaultClipboardTimeout, BackupDays: DefaultBackupInterval, CloseToTray: true}
	get := func(key string) (string, bool) {
		v, ok, err := st.Setting(ctx, key)
		return v, ok && err == nil
	}
	if v, ok := get(KeyLanguage); ok {
		p.Language = v
	}
	if v, ok := get(KeyClipboardTimeout); ok {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			p.ClipboardTimeout = time.Duration(n) * time.Second
		}
	}
	if v, ok := get(KeyBackupInterval); ok {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			p.BackupDays = n
		}
	}
	if v, ok := get(KeyStartAtLogin); ok {
		p.StartAtLogin = v == "true"
	}
	if v, ok := get(KeyCloseToTray); ok {
		p.CloseToTray = v == "true"
	}
	return p
}

// LanguagePref reads the language setting before the UI is built (main
// needs it to set up translations); "" means follow the system.
func LanguagePref(st *store.Store) string {
	v, ok, err := st.Setting(context.Background(), KeyLanguage)
	if err != nil || !ok {
		return LangSystem
	}
	return v
}

func savePref(ctx context.Context, st settingStore, key, value string) error {
	return st.SetSetting(ctx, key, value)
}
