package agenda

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

// Wednesday 2 December 2026, 09:30 in Beijing.
var wednesday = cst(2026, 12, 2, 9, 30, 0)

// The agenda lists every account's reminders under their groups, and with
// none says what to do.
func TestViewGroupsEveryAccount(t *testing.T) {
	s := newTestShell(t, wednesday)
	s.view.Refresh()
	if s.view.body.Objects[0] != s.view.empty || s.view.summary.Visible() {
		t.Fatal("no reminders: the empty state is not shown")
	}
	if !uitest.Shows(s.view.empty, "Add reminder…") {
		t.Error("the empty state does not say how to add a reminder")
	}

	tb, jd := s.account("taobao", "main"), s.account("jd", "old")
	s.remind(tb, cst(2026, 11, 30, 10, 0, 0), "call customer service")
	s.remind(jd, cst(2026, 12, 2, 18, 0, 0), "check the refund")
	s.remind(tb, cst(2026, 12, 6, 10, 0, 0), "back up orders")
	s.remind(jd, cst(2026, 12, 20, 10, 0, 0), "confirm deletion")
	closed := s.remind(jd, cst(2026, 12, 1, 10, 0, 0), "already handled")
	if _, err := s.rem.Dismiss(s.ctx, closed.ID); err != nil {
		t.Fatal(err)
	}
	s.view.Refresh()
	want := []string{
		"# Overdue · 1", "Taobao (main): call customer service",
		"# Today, Wed 2026-12-02 · 1", "JD.com (old): check the refund",
		"# This week, to Sun 2026-12-06 · 1", "Taobao (main): back up orders",
		"# Later · 1", "JD.com (old): confirm deletion",
	}
	if got := s.lines(); !slices.Equal(got, want) {
		t.Errorf("agenda:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.view.body.Objects[0] != s.view.list || s.view.summary.Text != "Open reminders: 4 · overdue: 1 · today: 1" {
		t.Errorf("summary %q", s.view.summary.Text)
	}
	if (kit.ClockNote(wednesday) != "") != s.view.clock.Visible() {
		t.Error("the clock note is shown on a computer on China time, or missing on one that is not")
	}
	// Each row says when, in China time.
	if got := s.rowOf(s.view.entries[1].r.ID).detail.Text; got != "Due · Mon 2026-11-30 10:00" {
		t.Errorf("overdue row says %q", got)
	}
	if got := s.rowOf(s.view.entries[7].r.ID).detail.Text; got != "Upcoming · Sun 2026-12-20 10:00" {
		t.Errorf("later row says %q", got)
	}
}

// Done and snooze change the store at once, but the list does not move:
// every row stays where it was, showing the same reminder, until Refresh.
func TestActionsKeepRowsInPlace(t *testing.T) {
	s := newTestShell(t, wednesday)
	a := s.account("taobao", "main")
	first := s.remind(a, cst(2026, 12, 1, 10, 0, 0), "first")
	second := s.remind(a, cst(2026, 12, 2, 10, 0, 0), "second")
	third := s.remind(a, cst(2026, 12, 3, 10, 0, 0), "third")
	s.view.Refresh()
	before := s.lines()
	positions := func() map[string]fyne.Position {
		out := map[string]fyne.Position{}
		for _, w := range s.rows() {
			out[w.r.ID] = w.Position()
		}
		return out
	}
	at := positions()
	if len(at) != 3 {
		t.Fatalf("%d rows on screen, want 3", len(at))
	}

	test.Tap(s.rowOf(first.ID).done)
	s.view.onSnooze(second.ID, 7*24*time.Hour) // the snooze menu's "1 week"
	if len(s.errs) > 0 {
		t.Fatal(s.errs)
	}
	if got, err := s.st.Reminder(s.ctx, first.ID); err != nil || got.State != accounts.ReminderDone {
		t.Errorf("after Done the store has %v, %v", got.State, err)
	}
	if got, err := s.st.Reminder(s.ctx, second.ID); err != nil || got.State != accounts.ReminderSnoozed {
		t.Errorf("after Snooze the store has %v, %v", got.State, err)
	}
	if got := s.lines(); !slices.Equal(got, before) {
		t.Errorf("the list changed under the pointer:\n%v\nwas\n%v", got, before)
	}
	for id, p := range positions() {
		if p != at[id] {
			t.Errorf("row %s moved from %v to %v", id, at[id], p)
		}
	}
	done, snoozedRow := s.rowOf(first.ID), s.rowOf(second.ID)
	if !done.done.Disabled() || !done.snooze.Disabled() || done.open.Disabled() ||
		done.detail.Text != "Done · it leaves the agenda when you refresh" {
		t.Errorf("the done row: buttons %v/%v/%v, %q", done.done.Disabled(), done.snooze.Disabled(), done.open.Disabled(), done.detail.Text)
	}
	if !snoozedRow.done.Disabled() || snoozedRow.detail.Text != "Snoozed until Wed 2026-12-09 09:30" {
		t.Errorf("the snoozed row says %q", snoozedRow.detail.Text)
	}
	if s.rowOf(third.ID).done.Disabled() {
		t.Error("an untouched row lost its buttons")
	}

	// Refresh regroups: the done one is gone, the snoozed one is Later,
	// by the end of its snooze.
	s.view.Refresh()
	want := []string{"# This week, to Sun 2026-12-06 · 1", "Taobao (main): third", "# Later · 1", "Taobao (main): second"}
	if got := s.lines(); !slices.Equal(got, want) {
		t.Errorf("after Refresh: %v, want %v", got, want)
	}
	if s.rowOf(second.ID).done.Disabled() {
		t.Error("after Refresh the snoozed reminder's row still has its buttons off")
	}
}

// A failed action says so and leaves the row as it was.
func TestActionErrorShown(t *testing.T) {
	s := newTestShell(t, wednesday)
	a := s.account("taobao", "main")
	r := s.remind(a, cst(2026, 12, 2, 10, 0, 0), "gone meanwhile")
	s.view.Refresh()
	if _, err := s.rem.Done(s.ctx, r.ID); err != nil { // done elsewhere, e.g. unbindctl
		t.Fatal(err)
	}
	test.Tap(s.rowOf(r.ID).done)
	if len(s.errs) != 1 {
		t.Fatalf("errors shown: %v", s.errs)
	}
	if s.rowOf(r.ID).done.Disabled() {
		t.Error("a failed Done turned the row off")
	}
}

// Open account asks the shell for the reminder's account.
func TestOpenAccount(t *testing.T) {
	s := newTestShell(t, wednesday)
	a := s.account("jd", "old")
	r := s.remind(a, cst(2026, 12, 4, 10, 0, 0), "check")
	s.view.Refresh()
	test.Tap(s.rowOf(r.ID).open)
	if !slices.Equal(s.opened, []string{a.ID}) {
		t.Errorf("opened %v, want %v", s.opened, a.ID)
	}
}

// The snooze menu offers the same choices as an account's Reminders tab
// and snoozes by the one picked.
func TestSnoozeMenu(t *testing.T) {
	s := newTestShell(t, wednesday)
	a := s.account("jd", "old")
	r := s.remind(a, cst(2026, 12, 2, 10, 0, 0), "check")
	s.view.Refresh()
	test.Tap(s.rowOf(r.ID).snooze)
	menu := uitest.Find(s.win.Canvas().Overlays().Top(), func(*widget.PopUpMenu) bool { return true })
	if menu == nil || len(menu.Items) != 3 {
		t.Fatalf("snooze menu: %v", menu)
	}
	test.Tap(menu.Items[1].(fyne.Tappable)) // 3 days
	got, err := s.st.Reminder(s.ctx, r.ID)
	if err != nil || got.State != accounts.ReminderSnoozed || got.SnoozedUntil == nil ||
		!got.SnoozedUntil.Equal(wednesday.Add(3*24*time.Hour)) {
		t.Errorf("after 3 days: %+v, %v", got, err)
	}
}

// The GUI's export is the CLI's: the same function over the same store
// and clock (cmd/unbindctl's remind tests check the CLI side, and the
// shell's test compares the two files byte for byte). It is written in
// one step, readable by the person only.
func TestExportWritesTheCalendar(t *testing.T) {
	s := newTestShell(t, wednesday)
	a := s.account("taobao", "main")
	s.remind(a, cst(2026, 12, 3, 10, 0, 0), "call, again; with ticket")
	done := s.remind(a, cst(2026, 12, 1, 10, 0, 0), "done already")
	if _, err := s.rem.Done(s.ctx, done.ID); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "agenda.ics")
	n, err := s.view.Export(path)
	if err != nil || n != 2 {
		t.Fatalf("Export: %d, %v", n, err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := s.st.Reminders(s.ctx, store.ReminderFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := reminders.WriteICS(&want, rs, reminders.ICSOptions{Now: wednesday}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the exported file:\n%s\nwant:\n%s", got, want.Bytes())
	}
	if !bytes.Contains(got, []byte(`call\, again\; with ticket`)) || !bytes.Contains(got, []byte("SUMMARY:✓ Taobao (main): done already")) {
		t.Errorf("the calendar lacks the escaped or the done reminder:\n%s", got)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the calendar file's mode: %v, %v", fi.Mode(), err)
	}
}
