package ui

import (
	"context"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestMain(m *testing.M) { uitest.Main(m) }

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

var testCatalog = uitest.Catalog

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
	// Real timers would fire their callbacks on other goroutines under
	// Fyne's test driver, racing the next test.
	u.after, u.clip.AfterFunc = uitest.NeverFires, uitest.NeverFires
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
