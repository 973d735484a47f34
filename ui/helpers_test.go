package ui

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/assets"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestMain(m *testing.M) {
	os.Unsetenv(kit.LangEnv)
	os.Setenv("LANG", "en_US.UTF-8") // "C" makes Fyne log every locale lookup
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LANGUAGE")
	kit.SetupLanguage(kit.LangEn)
	os.Exit(m.Run())
}

// fakeNotifier records notifications.
type fakeNotifier struct {
	mu   sync.Mutex
	sent [][2]string
}

func (f *fakeNotifier) Notify(title, body string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent = append(f.sent, [2]string{title, body})
	return nil
}

// failingBackend is a keyring that is not there (no Secret Service).
type failingBackend struct{}

//lint:ignore ST1005 the text is D-Bus's own message, word for word
var errNoService = errors.New("The name org.freedesktop.secrets was not provided by any .service files")

func (failingBackend) Set(string, string, string) error   { return errNoService }
func (failingBackend) Get(string, string) (string, error) { return "", errNoService }
func (failingBackend) Delete(string, string) error        { return errNoService }

var testCatalog = func() *catalog.Catalog {
	c, _ := catalog.Load(assets.Catalog, "")
	return c
}()

// newTestUI builds the app on a real SQLite file in a temp folder with
// the given keyring backend (nil: go-keyring, mocked by the caller).
func newTestUI(t *testing.T, backend vault.Backend) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	dir := t.TempDir()
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	v := vault.New(vault.Options{Backend: backend, Timeout: 2 * time.Second})
	cal, err := workdays.LoadDefaultCalendar("")
	if err != nil {
		t.Fatal(err)
	}
	u := New(a, Deps{Store: st, Secrets: v, Keyring: v, Catalog: testCatalog, Calendar: cal, DataDir: dir,
		Lang: kit.LangEn, Notifier: &fakeNotifier{}})
	u.win.Resize(fyne.NewSize(1180, 760))
	u.Reload()
	return u
}

// add saves an account through the service and reloads the list.
func add(t *testing.T, u *UI, a accounts.Account) accounts.Account {
	t.Helper()
	a, err := u.svc.Add(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	u.Reload()
	return a
}

// find returns the first laid-out object under root that matches.
func find[T fyne.CanvasObject](root fyne.CanvasObject, match func(T) bool) T {
	var zero T
	for _, o := range test.LaidOutObjects(root) {
		if x, ok := o.(T); ok && (match == nil || match(x)) {
			return x
		}
	}
	return zero
}

func button(root fyne.CanvasObject, text string) *widget.Button {
	return find(root, func(b *widget.Button) bool { return b.Text == text })
}

// topOverlay is the dialog on top, or nil.
func topOverlay(u *UI) fyne.CanvasObject { return u.win.Canvas().Overlays().Top() }

// overlayText reports whether the top dialog shows text in any label.
func overlayText(u *UI, text string) bool {
	top := topOverlay(u)
	if top == nil {
		return false
	}
	return find(top, func(l *widget.Label) bool { return contains(l.Text, text) }) != nil
}

func contains(s, sub string) bool {
	return strings.Contains(s, sub)
}

// waitFor polls cond for up to two seconds (timers, goroutines).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

type (
	widgetEntry = widget.Entry
	widgetLabel = widget.Label
)

type widgetButton = widget.Button
