package ui

import (
	"context"
	"time"

	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/kit"
)

// Setting keys in the store. Language and backup interval are read by
// other packages too, so their keys and readers live in the store.
const (
	KeyLanguage         = store.SettingLanguage
	KeyClipboardTimeout = "ui.clipboard_timeout_seconds"
	KeyBackupInterval   = store.SettingBackupIntervalDays
	KeyStartAtLogin     = "ui.start_at_login"
	KeyCloseToTray      = "ui.close_to_tray"
	KeyDueHour          = store.SettingDueHour
	KeyTheme            = "ui.theme"
)

// prefs are the person's settings, loaded from the store.
type prefs struct {
	Language         string
	ClipboardTimeout time.Duration
	BackupDays       int
	StartAtLogin     bool
	CloseToTray      bool
	Theme            string // kit.ThemeSystem, ThemeLight or ThemeDark
}

// settingStore is the part of the store prefs use.
type settingStore interface {
	Language(ctx context.Context) (string, error)
	Setting(ctx context.Context, key string) (string, bool, error)
	BackupIntervalDays(ctx context.Context) (int, error)
	PositiveIntSetting(ctx context.Context, key string, def int) (int, error)
	BoolSetting(ctx context.Context, key string, def bool) (bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

var _ settingStore = (*store.Store)(nil)

// loadPrefs reads every preference through the store's typed readers; a
// setting that cannot be read keeps its default.
func loadPrefs(ctx context.Context, st settingStore) prefs {
	p := prefs{}
	p.Language, _ = st.Language(ctx)
	secs, _ := st.PositiveIntSetting(ctx, KeyClipboardTimeout, int(kit.DefaultClipboardTimeout/time.Second))
	p.ClipboardTimeout = time.Duration(secs) * time.Second
	p.BackupDays, _ = st.BackupIntervalDays(ctx)
	p.StartAtLogin, _ = st.BoolSetting(ctx, KeyStartAtLogin, false)
	p.CloseToTray, _ = st.BoolSetting(ctx, KeyCloseToTray, true)
	if v, _, _ := st.Setting(ctx, KeyTheme); v == kit.ThemeLight || v == kit.ThemeDark {
		p.Theme = v
	}
	return p
}

// LanguagePref reads the language setting before the UI is built (main
// needs it to set up translations); "" means follow the system.
func LanguagePref(st *store.Store) string {
	v, err := st.Language(context.Background())
	if err != nil {
		return kit.LangSystem
	}
	return v
}

func savePref(ctx context.Context, st settingStore, key, value string) error {
	return st.SetSetting(ctx, key, value)
}
