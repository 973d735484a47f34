package agenda

import (
	"context"
	"io"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/store/storetest"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/internal/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// testShell is the agenda in a 900×600 test window over a real SQLite
// file, with the reminder service the app uses, at a settable clock.
type testShell struct {
	t      *testing.T
	ctx    context.Context
	win    fyne.Window
	st     *store.Store
	acc    *accounts.Service
	rem    *reminders.Service
	now    time.Time
	view   *View
	opened []string
	errs   []error
}

var _ Shell = (*testShell)(nil)

func newTestShell(t *testing.T, now time.Time) *testShell {
	t.Helper()
	a := test.NewTempApp(t)
	s := &testShell{t: t, ctx: context.Background(), st: storetest.Open(t), now: now}
	s.acc = accounts.NewService(s.st, nil)
	s.acc.Now = s.Now
	s.rem = reminders.NewService(s.st, reminders.Options{Catalog: uitest.Catalog, Calendar: workdays.Weekends(), Lang: "en", Now: s.Now})
	s.view = New(s)
	s.win = a.NewWindow("agenda")
	s.win.SetContent(s.view.Content())
	s.win.Resize(fyne.NewSize(900, 600))
	t.Cleanup(s.win.Close)
	return s
}

func (s *testShell) Reminders() ([]accounts.Reminder, error) {
	return s.rem.List(s.ctx, store.ReminderFilter{OpenOnly: true})
}
func (s *testShell) MarkDone(id string) (accounts.Reminder, error) { return s.rem.Done(s.ctx, id) }
func (s *testShell) Snooze(id string, d time.Duration) (accounts.Reminder, error) {
	return s.rem.Snooze(s.ctx, id, d)
}
func (s *testShell) OpenAccount(id string) { s.opened = append(s.opened, id) }
func (s *testShell) SaveICS(w io.Writer) (int, error) {
	return s.rem.ExportICS(s.ctx, w, reminders.ICSOptions{})
}
func (s *testShell) Window() fyne.Window { return s.win }
func (s *testShell) Now() time.Time      { return s.now }
func (s *testShell) ShowError(err error) { s.errs = append(s.errs, err) }

// account adds an account on platform.
func (s *testShell) account(platform, name string) accounts.Account {
	s.t.Helper()
	a, err := s.acc.Add(s.ctx, accounts.Account{PlatformID: platform, Name: name})
	if err != nil {
		s.t.Fatal(err)
	}
	return a
}

// remind adds the person's own reminder on a, due at.
func (s *testShell) remind(a accounts.Account, at time.Time, note string) accounts.Reminder {
	s.t.Helper()
	r, err := s.rem.AddCustom(s.ctx, a.ID, at, note)
	if err != nil {
		s.t.Fatal(err)
	}
	return r
}

// rows are the list's reminder rows on screen, top to bottom.
func (s *testShell) rows() []*row {
	var out []*row
	for _, o := range test.LaidOutObjects(s.view.list) {
		if w, ok := o.(*row); ok && w.Visible() && w.item.Visible() {
			out = append(out, w)
		}
	}
	return out
}

// rowOf is the row on screen showing reminder id.
func (s *testShell) rowOf(id string) *row {
	s.t.Helper()
	for _, w := range s.rows() {
		if w.r.ID == id {
			return w
		}
	}
	s.t.Fatalf("no row shows reminder %s", id)
	return nil
}

// lines is what the list shows, top to bottom: headings and titles.
func (s *testShell) lines() []string {
	var out []string
	for _, e := range s.view.entries {
		if e.heading {
			out = append(out, "# "+headingText(e.group, e.count, s.view.bounds))
		} else {
			out = append(out, e.r.Title)
		}
	}
	return out
}
