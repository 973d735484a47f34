package tools

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/ui/kit"
)

// toolSamples holds the importer's sample exports.
const toolSamples = "../../accounts/importer/testdata"

// newToolsEnv opens a real store in a temp folder and a test window; the
// keyring is go-keyring's mock unless backend is given.
func newToolsEnv(t *testing.T, backend vault.Backend) (Deps, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if backend == nil {
		keyring.MockInit()
	}
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(1100, 800))
	t.Cleanup(win.Close)
	return Deps{Store: st, Secrets: vault.New(vault.Options{Backend: backend}), Catalog: testCatalog, Lang: kit.LangEn}, win
}

// toolFind returns the first object of type T under root that matches.
func toolFind[T fyne.CanvasObject](root fyne.CanvasObject, match func(T) bool) (T, bool) {
	for _, o := range test.LaidOutObjects(root) {
		if x, ok := o.(T); ok && (match == nil || match(x)) {
			return x, true
		}
	}
	var zero T
	return zero, false
}

func toolAccounts(t *testing.T, tools Deps) []accounts.Account {
	t.Helper()
	all, err := tools.Store.Accounts(ctxBackground())
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func openSample(t *testing.T, w *ImportWizard, name string) {
	t.Helper()
	w.path.SetText(filepath.Join(toolSamples, name))
	test.Tap(w.next)
	w.jobs.wait()
}

func TestImportWizardPreviewChooseImportAndSummary(t *testing.T) {
	tools, win := newToolsEnv(t, nil)
	reloaded := 0
	w := ShowImportWizard(win, tools, func() { reloaded++ })
	openSample(t, w, "chrome.csv")
	p := w.preview
	if !w.onPreview() || !strings.Contains(p.detected.Text, "Chrome / Edge (CSV)") || p.format.Selected != "Chrome / Edge (CSV)" {
		t.Fatalf("preview: %q, format %q, read message %q", p.detected.Text, p.format.Selected, w.readMsg.text())
	}
	if len(p.shown) != 5 || !strings.HasPrefix(p.count.Text, "5 of 5 accounts selected. 2 entries") {
		t.Fatalf("shown %d, count %q", len(p.shown), p.count.Text)
	}
	test.Tap(p.showOther)
	if len(p.shown) != 7 || len(p.selected()) != 5 {
		t.Fatalf("with other entries: shown %d, selected %d", len(p.shown), len(p.selected()))
	}
	test.Tap(p.showOther)
	// Untick the first row with its checkbox.
	check, ok := toolFind(p.list, func(c *widget.Check) bool { return c.Checked })
	if !ok {
		t.Fatal("no checkbox in the preview list")
	}
	test.Tap(check)
	if len(p.selected()) != 4 || p.importBtn.Text != "Import 4 accounts" {
		t.Fatalf("after unticking: %d selected, button %q", len(p.selected()), p.importBtn.Text)
	}
	test.Tap(p.withPasswords)
	test.Tap(p.importBtn)
	w.jobs.wait()
	if !strings.HasPrefix(w.summary.text(), "Imported: 4 added") || !strings.Contains(w.pwMsg.text(), "4 passwords stored") {
		t.Fatalf("summary %q / %q", w.summary.text(), w.pwMsg.text())
	}
	stored := toolAccounts(t, tools)
	if len(stored) != 4 {
		t.Fatalf("stored %d accounts", len(stored))
	}
	svc := tools.service()
	for _, a := range stored {
		if v, err := svc.Secret(ctxBackground(), a.ID, accounts.SecretPassword); err != nil || v == "" {
			t.Errorf("%s: no password in the keyring: %v", a.Name, err)
		}
	}
	test.Tap(w.finish)
	if reloaded != 1 {
		t.Errorf("done called %d times", reloaded)
	}

	// The same file again, everything: only the unticked one is new.
	w2 := ShowImportWizard(win, tools, nil)
	openSample(t, w2, "chrome.csv")
	if here := w2.preview.inInv; len(here) != 7 || here[0] || !here[1] {
		t.Errorf("preview should mark accounts already here: %v", here)
	}
	test.Tap(w2.preview.importBtn)
	w2.jobs.wait()
	if !strings.HasPrefix(w2.summary.text(), "Imported: 1 added, 0 merged into accounts already here, 4 already up to date") {
		t.Errorf("second import: %q", w2.summary.text())
	}
	if !strings.Contains(w2.pwMsg.text(), "not stored (the keyring option was off)") {
		t.Errorf("passwords left out: %q", w2.pwMsg.text())
	}
}

func TestImportWizardBadFilesAndFormatOverride(t *testing.T) {
	tools, win := newToolsEnv(t, nil)
	dir := t.TempDir()
	notExport := filepath.Join(dir, "notes.txt")
	os.WriteFile(notExport, []byte("购物清单\n牛奶, 鸡蛋\n"), 0o600)
	w := ShowImportWizard(win, tools, nil)
	w.jobs.inline = true // the format Select's callback starts a job (see toolJobs)
	test.Tap(w.next)
	if !strings.Contains(w.readMsg.text(), "Choose the export file") {
		t.Errorf("no file: %q", w.readMsg.text())
	}
	for path, want := range map[string]string{
		notExport:                     "line 1: not a recognised export",
		filepath.Join(dir, "missing"): "no such file",
	} {
		w.path.SetText(path)
		test.Tap(w.next)
		w.jobs.wait()
		if w.onPreview() || !strings.Contains(w.readMsg.detail, want) {
			t.Errorf("%s: preview %v, message %q (details %q)", filepath.Base(path), w.onPreview(), w.readMsg.text(), w.readMsg.detail)
		}
	}
	openSample(t, w, "chrome-gb18030.csv")
	if !strings.Contains(w.preview.notices.text(), "GB18030") {
		t.Errorf("no conversion notice: %q", w.preview.notices.text())
	}
	openSample(t, w, "chrome.csv")
	w.preview.format.SetSelected("KeePassXC (CSV)")
	w.jobs.wait()
	if !strings.Contains(w.preview.notices.detail, `missing column "Group"`) || !strings.HasPrefix(w.preview.notices.text(), "Line 1: A column Unbind needs is missing") || !w.preview.importBtn.Disabled() {
		t.Errorf("wrong format: %q, import enabled %v", w.preview.notices.text(), !w.preview.importBtn.Disabled())
	}
	w.preview.format.SetSelected("Chrome / Edge (CSV)")
	w.jobs.wait()
	if len(w.preview.selected()) != 5 || w.preview.notices.text() != "" {
		t.Errorf("back to Chrome: %d selected, %q", len(w.preview.selected()), w.preview.notices.text())
	}
	if n := len(toolAccounts(t, tools)); n != 0 {
		t.Errorf("nothing should be written before Import, have %d accounts", n)
	}
}

// toolBrokenKeyring is a keyring that refuses every write.
type toolBrokenKeyring struct{}

func (toolBrokenKeyring) Set(string, string, string) error { return errors.New("keyring is locked") }
func (toolBrokenKeyring) Get(string, string) (string, error) {
	return "", errors.New("keyring is locked")
}
func (toolBrokenKeyring) Delete(string, string) error { return errors.New("keyring is locked") }

func TestImportWizardKeyringFailureKeepsAccounts(t *testing.T) {
	tools, win := newToolsEnv(t, toolBrokenKeyring{})
	w := ShowImportWizard(win, tools, nil)
	openSample(t, w, "1password.csv")
	test.Tap(w.preview.withPasswords)
	test.Tap(w.preview.importBtn)
	w.jobs.wait()
	if !strings.HasPrefix(w.summary.text(), "Imported: 4 added") || !strings.Contains(w.pwMsg.text(), "the system keyring failed: 0 passwords stored, 4 not stored") {
		t.Errorf("summary %q / %q", w.summary.text(), w.pwMsg.text())
	}
	if n := len(toolAccounts(t, tools)); n != 4 {
		t.Errorf("the accounts must stay: %d", n)
	}
}
