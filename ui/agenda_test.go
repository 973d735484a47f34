package ui

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

// buildCLI builds unbindctl as it ships (no cgo) into a temporary folder.
func buildCLI(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to build unbindctl for this test: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "unbindctl")
	cmd := exec.Command(goTool, "build", "-o", bin, "github.com/unbindapp/unbind/cmd/unbindctl")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build unbindctl: %v\n%s", err, out)
	}
	return bin
}

// agendaFixture is the app with three accounts' reminders in every state
// an export distinguishes, with text that needs escaping and folding.
func agendaFixture(t *testing.T) (*UI, []accounts.Reminder) {
	t.Helper()
	u := newTestUI(t, uitest.NoSecretService{})
	now := time.Date(2026, 12, 2, 9, 30, 0, 0, workdays.ChinaTime)
	u.Now = func() time.Time { return now }
	ctx := context.Background()
	tb := add(t, u, accounts.Account{PlatformID: "taobao", Name: "淘宝主号"})
	jd := add(t, u, accounts.Account{PlatformID: "jd", Name: "old, shop; \\ main"})
	var rs []accounts.Reminder
	for i, note := range []string{
		"打电话给客服，问保证金什么时候退回；带上订单号和工单号 2026120212345678，再问一次注销审核的进度",
		"check the refund, again; twice\nsecond line",
		"back up orders",
	} {
		a := tb
		if i == 1 {
			a = jd
		}
		r, err := u.rem.AddCustom(ctx, a.ID, now.Add(time.Duration(i-1)*48*time.Hour), note)
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	if _, err := u.rem.Done(ctx, rs[2].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := u.rem.Snooze(ctx, rs[1].ID, 3*24*time.Hour); err != nil {
		t.Fatal(err)
	}
	u.Reload()
	return u, rs
}

// shownButton is the first button with text under root that is shown: it
// and every container above it visible (a list row hides what it does not
// use, and uitest.Button would find that too).
func shownButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var walk func(o fyne.CanvasObject) *widget.Button
	walk = func(o fyne.CanvasObject) *widget.Button {
		if !o.Visible() {
			return nil
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
		var children []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			children = x.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(x).Objects()
		}
		for _, c := range children {
			if b := walk(c); b != nil {
				return b
			}
		}
		return nil
	}
	b := walk(root)
	if b == nil {
		t.Fatalf("no button %q shown", text)
	}
	return b
}

var dtstamp = regexp.MustCompile(`(?m)^DTSTAMP:(\d{8}T\d{6}Z)\r$`)

// The GUI's "Export calendar (.ics)…" writes exactly the file
// `unbindctl remind export-ics` writes for the same store and clock. The
// export reads the clock for DTSTAMP only, so the GUI's clock is set to the
// instant the CLI stamped its file with, and then the two files must be
// byte for byte the same.
func TestAgendaExportIsTheCLIExport(t *testing.T) {
	u, _ := agendaFixture(t)
	cli := filepath.Join(t.TempDir(), "cli.ics")
	cmd := exec.Command(buildCLI(t), "--data-dir", u.d.DataDir, "remind", "export-ics", "--no-sync", "-o", cli)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("unbindctl remind export-ics: %v\n%s", err, out)
	}
	want, err := os.ReadFile(cli)
	if err != nil {
		t.Fatal(err)
	}
	stamps := dtstamp.FindAllSubmatch(want, -1)
	if len(stamps) != 3 {
		t.Fatalf("the CLI's calendar has %d events, want 3:\n%s", len(stamps), want)
	}
	at, err := time.Parse("20060102T150405Z", string(stamps[0][1]))
	if err != nil {
		t.Fatal(err)
	}
	u.Now = func() time.Time { return at }

	shortcut(u, fyne.KeyT) // the agenda, as the person opens it
	if !u.agendaShown() || u.split.Visible() {
		t.Fatal("Ctrl+T did not show the agenda")
	}
	gui := filepath.Join(t.TempDir(), "gui.ics")
	n, err := u.agenda.view.Export(gui)
	if err != nil || n != 3 {
		t.Fatalf("GUI export: %d events, %v", n, err)
	}
	got, err := os.ReadFile(gui)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the GUI's calendar differs from the CLI's:\n--- GUI\n%s\n--- CLI\n%s", got, want)
	}
}

// The agenda in the window: Ctrl+T shows it and goes back; Done updates the
// account's due count in the inventory behind it; Open account goes back
// to the accounts with that account shown.
func TestAgendaInTheWindow(t *testing.T) {
	u, rs := agendaFixture(t)
	shortcut(u, fyne.KeyT)
	u.win.Resize(fyne.NewSize(900, 600)) // lays the shown agenda out
	if !u.agendaShown() || !u.agenda.page.Visible() || u.split.Visible() {
		t.Fatal("Ctrl+T did not show the agenda")
	}
	// Two open reminders: the one due yesterday and the snoozed one.
	if n := u.agenda.view.Entries(); n != 4 {
		t.Fatalf("the agenda shows %d lines, want 2 headings and 2 reminders", n)
	}
	due := func() int {
		for _, it := range u.items {
			if it.Account.ID == rs[0].AccountID {
				return it.Due
			}
		}
		t.Fatal("the account is not in the inventory")
		return 0
	}
	if due() != 1 {
		t.Fatalf("the inventory counts %d due, want 1", due())
	}
	// The first row is the overdue one (rs[0]).
	test.Tap(shownButton(t, u.agenda.page, "Done"))
	if due() != 0 {
		t.Errorf("after Done in the agenda the inventory still counts %d due", due())
	}
	if got, _ := u.d.Store.Reminders(u.ctx, store.ReminderFilter{OpenOnly: true}); len(got) != 1 {
		t.Errorf("open reminders after Done: %d, want 1", len(got))
	}

	test.Tap(shownButton(t, u.agenda.page, "Open account"))
	if u.agendaShown() || !u.split.Visible() || u.detail.ID() != rs[0].AccountID {
		t.Errorf("Open account: agenda shown %v, body visible %v, account %q", u.agendaShown(), u.split.Visible(), u.detail.ID())
	}
	shortcut(u, fyne.KeyT)
	shortcut(u, fyne.KeyT)
	if u.agendaShown() {
		t.Error("Ctrl+T again did not go back to the accounts")
	}
	// Escape goes back too, but not while the snooze menu is open: then it
	// only closes the menu.
	shortcut(u, fyne.KeyT)
	test.Tap(shownButton(t, u.agenda.page, "Snooze…"))
	escape := func() {
		u.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	escape()
	if !u.agendaShown() {
		t.Error("Escape with the snooze menu open left the agenda")
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	escape()
	if u.agendaShown() {
		t.Error("Escape did not go back to the accounts")
	}
	// The page fits a 900×600 window.
	u.showAgenda()
	if min := u.agenda.page.MinSize(); min.Width > 900 || min.Height > 600 {
		t.Errorf("the agenda needs %v, more than 900×600", min)
	}
}

// A language switch rebuilds the window; the agenda stays open and speaks
// the new language.
func TestAgendaSurvivesLanguageSwitch(t *testing.T) {
	t.Cleanup(func() { kit.SetupLanguage(kit.LangEn) })
	u, _ := agendaFixture(t)
	u.showAgenda()
	u.switchLanguage(kit.LangZh)
	u.bg.Wait()
	if !u.agendaShown() || !u.agenda.page.Visible() || u.split.Visible() {
		t.Fatal("the agenda closed in the language switch")
	}
	if uitest.Button(u.agenda.page, "导出日历 (.ics)…") == nil || uitest.Button(u.views.bar, "账号") == nil {
		t.Error("the agenda is not in Chinese after the switch")
	}
	if u.agenda.view.Entries() != 4 {
		t.Errorf("the agenda shows %d lines after the switch, want 4", u.agenda.view.Entries())
	}
}
