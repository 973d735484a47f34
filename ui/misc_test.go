package ui

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/BurntSushi/toml"
	"github.com/zalando/go-keyring"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/assets"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestNotifierSendsThroughFyne(t *testing.T) {
	a := test.NewTempApp(t)
	n := NewNotifier(a)
	// The native path names the sender; when it fails, Fyne delivers.
	var sender string
	n.native = func(appName, _, _, _ string) error { sender = appName; return errors.New("no notification server") }
	defer func() {
		if sender != "Unbind" {
			t.Errorf("sent as %q, want the app's name Unbind (not its ID)", sender)
		}
	}()
	test.AssertNotificationSent(t, fyne.NewNotification("Taobao: withdraw the balance", "before deleting"), func() {
		if err := n.Notify("Taobao: withdraw the balance", "before deleting"); err != nil {
			t.Fatal(err)
		}
	})
}

func TestDueRemindersFireOnceGroupedAndCanBeHandled(t *testing.T) {
	u := newTestUI(t, nil)
	ctx := context.Background()
	a := add(t, u, accounts.Account{PlatformID: "meituan", Name: "Meituan"})
	for _, note := range []string{"Check the deletion", "Back up"} {
		if _, err := u.rem.AddCustom(ctx, a.ID, time.Now().Add(-time.Hour), note); err != nil {
			t.Fatal(err)
		}
	}
	n := u.d.Notifier.(*fakeNotifier)
	u.startReminderLoop()
	uitest.WaitFor(t, "the missed reminders' notification", func() bool {
		n.mu.Lock()
		defer n.mu.Unlock()
		return len(n.sent) > 0
	})
	u.stopLoop()
	<-u.loopDone
	if len(n.sent) != 1 || !strings.Contains(n.sent[0][0], "reminders are due") || !strings.Contains(n.sent[0][1], "Back up") {
		t.Errorf("sent %q, want one grouped notification", n.sent)
	}
}

// TestTranslationsComplete finds every lang.L("…") in the package and
// checks both files have it, and that Chinese really switches on.
func TestTranslationsComplete(t *testing.T) {
	read := func(name string) map[string]any {
		data, err := assets.I18n.ReadFile("i18n/" + name)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return m
	}
	zh, en := read("zh.json"), read("en.json")
	// Every package of the GUI: the shell and its sub-packages.
	var files []string
	_ = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return err
	})
	if len(files) < 40 {
		t.Fatalf("found only %d Go files under ui/", len(files))
	}
	call := regexp.MustCompile(`(?:lang\.L|\bsay|\batLine)\(("(?:[^"\\]|\\.)*")`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			key, err := strconv.Unquote(m[1])
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := zh[key]; !ok {
				t.Errorf("%s: %q has no Chinese translation", f, key)
			}
			if _, ok := en[key]; !ok {
				t.Errorf("%s: %q is missing from en.json", f, key)
			}
		}
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in zh.json but not en.json", k)
		}
	}
	defer kit.SetupLanguage(kit.LangEn)
	if got := kit.SetupLanguage(kit.LangZh); got != "zh" {
		t.Fatalf("SetupLanguage(zh) = %s", got)
	}
	if lang.L("Active") != "使用中" || lang.L("Cancel") != "取消" {
		t.Errorf("forced Chinese: %q %q", lang.L("Active"), lang.L("Cancel"))
	}
	if got := kit.SetupLanguage(kit.LangEn); got != "en" || lang.L("Active") != "Active" || lang.L("Cancel") != "Cancel" {
		t.Errorf("forced English again: %s %q %q", got, lang.L("Active"), lang.L("Cancel"))
	}
}

func TestMetadataMatchesFyneAppToml(t *testing.T) {
	var f struct {
		Details struct {
			Icon, Name, ID, Version string
			Build                   int
		}
		Migrations map[string]bool
	}
	if _, err := toml.DecodeFile("../FyneApp.toml", &f); err != nil {
		t.Fatal(err)
	}
	m := FallbackMetadata()
	if f.Details.ID != m.ID || f.Details.Name != m.Name || f.Details.Version != m.Version || f.Details.Build != m.Build {
		t.Errorf("FyneApp.toml %+v, fallback %+v", f.Details, m)
	}
	if !f.Migrations["fyneDo"] || !m.Migrations["fyneDo"] {
		t.Error("the fyneDo migration must be on")
	}
	if _, err := os.Stat(filepath.Join("..", f.Details.Icon)); err != nil {
		t.Error(err)
	}
}

func TestThemeServesCJKFont(t *testing.T) {
	th := kit.NewTheme()
	for _, s := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}, {Bold: true, Italic: true}} {
		if r := th.Font(s); r.Name() != assets.FontGUIName || len(r.Content()) != len(assets.FontGUI) {
			t.Errorf("style %+v gets font %s", s, r.Name())
		}
	}
}

func TestOpenDemoDataAndBack(t *testing.T) {
	u := newTestUI(t, nil)
	own := u.d.DataDir
	test.Tap(uitest.Button(u.empty, "Open demo data"))
	if !u.d.Demo || len(u.items) < 12 {
		t.Fatalf("demo: %v, %d accounts", u.d.Demo, len(u.items))
	}
	demoDir := u.d.DataDir
	if demoDir == own || !strings.Contains(u.win.Title(), "demo data") {
		t.Errorf("demo folder %s, title %q", demoDir, u.win.Title())
	}
	u.SelectOnLoad("taobao")
	u.Reload()
	shown, err := u.svc.Get(context.Background(), u.detail.ID())
	if err != nil || shown.PlatformID != "taobao" {
		t.Fatalf("SelectOnLoad did not select the Taobao account: %v", err)
	}
	// The demo's passwords are in memory, never in the real keyring.
	if pw, err := u.svc.Secret(context.Background(), shown.ID, accounts.SecretPassword); err != nil || pw != "Tb#2019-summer" {
		t.Errorf("demo password: %q, %v", pw, err)
	}
	test.Tap(uitest.Button(u.banner, "Back to my data"))
	if u.d.Demo || u.d.DataDir != own || len(u.items) != 0 {
		t.Errorf("back: demo %v, dir %s, %d accounts", u.d.Demo, u.d.DataDir, len(u.items))
	}
	if _, err := os.Stat(demoDir); !os.IsNotExist(err) {
		t.Errorf("the demo folder was left behind: %v", err)
	}
}

func TestSettingsPersistAndStartAtLogin(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	keyring.MockInit()
	u := newTestUI(t, nil)
	v := u.openSettings()
	v.clipboard.SetSelectedIndex(2) // 60 s
	v.backup.SetSelectedIndex(0)    // 30 days
	test.Tap(v.login)
	if u.prefs.ClipboardTimeout != time.Minute || u.prefs.BackupDays != 30 || !u.prefs.StartAtLogin {
		t.Errorf("prefs after editing: %+v", u.prefs)
	}
	if got := loadPrefs(context.Background(), u.d.Store); got != u.prefs {
		t.Errorf("stored %+v, in memory %+v", got, u.prefs)
	}
	desktopFile := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "autostart", AppID+".desktop")
	if _, err := os.Stat(desktopFile); err != nil {
		t.Fatalf("start at login wrote no autostart entry: %v", err)
	}
	test.Tap(v.login)
	if _, err := os.Stat(desktopFile); !os.IsNotExist(err) {
		t.Error("turning start at login off left the autostart entry")
	}
	if !v.tray.Disabled() {
		t.Error("close-to-tray is offered without a tray")
	}
	test.Tap(uitest.Find(uitest.Top(u.win), func(b *widget.Button) bool { return b.Text == "Check keyring" }))
	u.bg.Wait()
	if v.keyring.Text() != "The system keyring works." {
		t.Errorf("keyring check says %q", v.keyring.Text())
	}
}

func TestCloseWithoutTrayQuits(t *testing.T) {
	u := newTestUI(t, nil)
	u.prefs.CloseToTray = true
	if u.hasTray {
		t.Skip("the test driver has a tray")
	}
	u.onClose() // must not hide a window that could never come back
}

// A catalog change (a custom platform saved) reaches the account service's
// guard and the reminder rules, not only the panes.
func TestCatalogChangeReachesTheServices(t *testing.T) {
	u := newTestUI(t, nil)
	svc, rem := u.svc, u.rem
	u.CatalogChanged()
	if u.svc == svc || u.rem == rem {
		t.Fatal("the services still run on the old catalog")
	}
	if g, ok := u.svc.Guard.(catalog.Guard); !ok || g.Catalog != u.d.Catalog {
		t.Errorf("the account service's guard is %#v, not the new catalog", u.svc.Guard)
	}
}
