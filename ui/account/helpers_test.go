package account

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestMain(m *testing.M) { uitest.Main(m) }

var testCatalog = uitest.Catalog

// testUI is the account pane in a test window over a real SQLite file,
// with a shell that does what the app's does for the pane: show errors
// in a dialog, re-derive reminders after a change, track the keyring.
type testUI struct {
	t      *testing.T
	app    fyne.App
	win    fyne.Window
	st     *store.Store
	svc    *accounts.Service
	rem    *reminders.Service
	keys   *vault.Vault
	clip   *kit.ClipGuard
	cat    *catalog.Catalog
	cal    *workdays.Calendar
	dir    string
	view   *View
	detail *detailView

	clipTimeout time.Duration
	keyringErr  error
	checked     bool
	// after is the pane's timer; by default it never fires (see Env.After).
	after func(time.Duration, func()) *time.Timer
	// openFile stands in for the system viewer.
	openFile func(string) error
}

var _ Shell = (*testUI)(nil)

// newTestUI builds the pane with the given keyring backend (nil:
// go-keyring, mocked by the caller).
func newTestUI(t *testing.T, backend vault.Backend) *testUI {
	t.Helper()
	u := &testUI{t: t, app: test.NewTempApp(t), dir: t.TempDir(), cat: testCatalog, clipTimeout: kit.DefaultClipboardTimeout, after: uitest.NeverFires}
	var err error
	if u.st, err = store.OpenDir(u.dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { u.st.Close() })
	if u.cal, err = workdays.LoadDefaultCalendar(""); err != nil {
		t.Fatal(err)
	}
	u.keys = vault.New(vault.Options{Backend: backend, Timeout: 2 * time.Second})
	u.svc = accounts.NewService(u.st, u.keys)
	u.svc.Guard = catalog.Guard{Catalog: u.cat}
	u.rem = reminders.NewService(u.st, reminders.Options{Catalog: u.cat, Calendar: u.cal, Lang: "en"})
	u.clip = kit.NewClipGuard(u.app.Clipboard(), func() time.Duration { return u.clipTimeout })
	u.clip.AfterFunc = uitest.NeverFires
	u.win = test.NewWindow(nil)
	t.Cleanup(u.win.Close)
	u.view = New(u)
	u.detail = u.view.d
	u.win.SetContent(u.view.Content())
	u.win.Resize(fyne.NewSize(820, 760))
	return u
}

func (u *testUI) Env() Env {
	return Env{Window: u.win, Ctx: context.Background(), Service: u.svc, Reminders: u.rem, Store: u.st,
		Catalog: u.cat, Calendar: u.cal, Lang: kit.LangEn, DataDir: u.dir, Clip: u.clip,
		Clipboard: u.app.Clipboard(), Now: time.Now, After: u.after, OpenFile: u.openFile}
}

func (u *testUI) ShowError(err error) {
	if err != nil {
		kit.ShowError(err, u.win)
	}
}

func (u *testUI) AccountChanged(id string) {
	if err := u.rem.SyncAccount(context.Background(), id, time.Now()); err != nil {
		u.t.Errorf("sync reminders: %v", err)
	}
	if u.view.ID() == id {
		u.view.Show(id)
	}
}

func (u *testUI) SelectAccount(id string) { u.view.Show(id) }

func (u *testUI) Reload() {
	if id := u.view.ID(); id != "" {
		u.view.Show(id)
	}
}

func (u *testUI) CatalogChanged() {
	if c, _ := catalog.LoadFor(u.dir); c != nil {
		u.cat = c
	}
}

func (u *testUI) KeyringProblem() error { return u.keyringErr }

func (u *testUI) SetKeyringProblem(err error) {
	u.keyringErr = err
	u.view.ShowKeyringProblem(err)
}

func (u *testUI) CheckKeyringOnce() {
	if !u.checked {
		u.checked = true
		u.SetKeyringProblem(u.keys.Check())
	}
}

// The old names the tests drive the pane by.
func (u *testUI) selectAccount(id string)  { u.SelectAccount(id) }
func (u *testUI) refreshAccount(id string) { u.AccountChanged(id) }

// add saves an account through the service.
func add(t *testing.T, u *testUI, a accounts.Account) accounts.Account {
	t.Helper()
	a, err := u.svc.Add(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// undoHide closes the Undo notice, as its timer would.
func (u *testUI) undoHide() { u.view.u.undo.hide() }
