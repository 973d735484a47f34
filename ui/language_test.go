package ui

import (
	"context"
	"regexp"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

var hanzi = regexp.MustCompile(`\p{Han}`)

// Language and theme change at once from Settings: the window, its menus
// and the reminders' titles speak the new language, the selected account
// stays selected, and the theme's colours follow the choice.
func TestLanguageAndThemeSwitchAtOnce(t *testing.T) {
	keyring.MockInit()
	t.Cleanup(func() { kit.SetupLanguage(kit.LangEn) })
	u := newTestUI(t, nil)
	ctx := context.Background()
	a := add(t, u, accounts.Account{PlatformID: "taobao", Name: "Taobao main", Status: accounts.StatusPreparing})
	u.selectAccount(a.ID)
	if _, err := u.rem.Sync(ctx, u.Now()); err != nil {
		t.Fatal(err)
	}

	v := u.openSettings()
	v.language.SetSelectedIndex(1) // 中文
	u.bg.Wait()
	if got := u.win.Title(); got != "解绑助手" {
		t.Errorf("window title %q, want 解绑助手", got)
	}
	if u.detail.ID() != a.ID {
		t.Error("the selected account was lost in the switch")
	}
	if uitest.Button(u.detail.Content(), "编辑") == nil {
		t.Error("the account pane is not in Chinese after the switch")
	}
	if uitest.Find(uitest.Top(u.win), func(s *widget.Select) bool { return len(s.Options) > 0 && s.Options[0] == "跟随系统" }) == nil {
		t.Error("the settings did not reopen in Chinese")
	}
	if m := u.win.MainMenu(); m == nil || m.Items[0].Label != "文件" {
		t.Errorf("menu %v, want 文件 first", m)
	}
	rs, err := u.d.Store.Reminders(ctx, store.ReminderFilter{AccountID: a.ID})
	if err != nil || len(rs) == 0 {
		t.Fatalf("reminders: %d, %v", len(rs), err)
	}
	for _, r := range rs {
		if !hanzi.MatchString(r.Title) {
			t.Errorf("reminder title %q stayed in English", r.Title)
		}
	}

	settings := uitest.Top(u.win)
	sel := uitest.Find(settings, func(s *widget.Select) bool { return len(s.Options) == 3 && s.Options[2] == "深色" })
	if sel == nil {
		t.Fatal("no theme choice in the settings")
	}
	sel.SetSelectedIndex(2)
	bg := u.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if bg != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Errorf("background %v after choosing dark", bg)
	}
	if p := loadPrefs(ctx, u.d.Store); p.Theme != kit.ThemeDark || p.Language != kit.LangZh || LanguagePref(u.d.Store) != kit.LangZh {
		t.Errorf("stored %+v", p)
	}
	test.Tap(uitest.Button(settings, "关闭"))
}
