package reminders_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
)

// fakeNotifier records notifications; err, when set, is returned by each.
type fakeNotifier struct {
	mu    sync.Mutex
	calls []notification
	err   error
	sent  chan notification // when set, every notification is also sent here
}

type notification struct{ title, body string }

func (n *fakeNotifier) Notify(title, body string) error {
	n.mu.Lock()
	n.calls = append(n.calls, notification{title, body})
	ch, err := n.sent, n.err
	n.mu.Unlock()
	if ch != nil {
		ch <- notification{title, body}
	}
	return err
}

func (n *fakeNotifier) take() []notification {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := n.calls
	n.calls = nil
	return out
}

// addDue adds k custom reminders on a new account, due at at.
func (f *fixture) addDue(k int, at time.Time, label string) []accounts.Reminder {
	f.t.Helper()
	a := f.addAccount(accounts.Account{PlatformID: "taobao", Name: "main"})
	var out []accounts.Reminder
	for i := range k {
		r, err := f.svc.AddCustom(f.ctx, a.ID, at, fmt.Sprintf("%s %d", label, i+1))
		if err != nil {
			f.t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func (f *fixture) scheduler(n reminders.Notifier, opts reminders.SchedulerOptions) *reminders.Scheduler {
	opts.Now = f.clock.Now
	if opts.OnError == nil {
		opts.OnError = func(err error) { f.t.Errorf("scheduler error: %v", err) }
	}
	return reminders.NewScheduler(f.svc, n, opts)
}

// Reminders that fell due while Unbind was closed fire at the next start
// as one notification; later ones fire one by one, unless many at once.
func TestMissedRemindersGrouped(t *testing.T) {
	f := newFixture(t, cst(2026, 6, 10, 9, 0))
	f.addDue(3, cst(2026, 6, 8, 10, 0), "missed")
	n := &fakeNotifier{}
	var hooked [][]accounts.Reminder
	s := f.scheduler(n, reminders.SchedulerOptions{OnFired: func(rs []accounts.Reminder) { hooked = append(hooked, rs) }})

	fired := s.Check(f.ctx)
	calls := n.take()
	if len(fired) != 3 || len(calls) != 1 {
		t.Fatalf("start with 3 missed reminders: %d fired, %d notifications %v", len(fired), len(calls), calls)
	}
	if calls[0].title != "3 reminders are due" {
		t.Errorf("group title %q", calls[0].title)
	}
	for i := 1; i <= 3; i++ {
		if !strings.Contains(calls[0].body, fmt.Sprintf("• Taobao (main): missed %d", i)) {
			t.Errorf("group body lacks reminder %d: %q", i, calls[0].body)
		}
	}
	if len(hooked) != 1 || len(hooked[0]) != 3 || hooked[0][0].State != accounts.ReminderFired {
		t.Errorf("OnFired got %v", hooked)
	}

	// Nothing new: no notification, no hook.
	f.clock.Add(time.Minute)
	if fired := s.Check(f.ctx); len(fired) != 0 || len(n.take()) != 0 || len(hooked) != 1 {
		t.Errorf("a check with nothing due fired %v", fired)
	}

	// Two fall due while running: two notifications, with their own texts.
	f.addDue(2, f.clock.Now().Add(30*time.Second), "soon")
	f.clock.Add(time.Minute)
	s.Check(f.ctx)
	calls = n.take()
	slices.SortFunc(calls, func(a, b notification) int { return strings.Compare(a.title, b.title) })
	if len(calls) != 2 || calls[0].title != "Taobao (main): soon 1" || calls[0].body != "soon 1" || calls[1].body != "soon 2" {
		t.Errorf("two due while running: %v", calls)
	}

	// More than GroupAbove at once: grouped again.
	f.addDue(4, f.clock.Now().Add(30*time.Second), "burst")
	f.clock.Add(time.Minute)
	s.Check(f.ctx)
	if calls = n.take(); len(calls) != 1 || calls[0].title != "4 reminders are due" {
		t.Errorf("four at once: %v", calls)
	}

	// After the machine slept, even two are grouped.
	f.addDue(2, f.clock.Now().Add(30*time.Second), "slept")
	f.clock.Add(2 * time.Hour)
	s.Check(f.ctx)
	if calls = n.take(); len(calls) != 1 || calls[0].title != "2 reminders are due" {
		t.Errorf("two after a long gap: %v", calls)
	}
}

func TestGroupTextLimitsLines(t *testing.T) {
	var rs []accounts.Reminder
	for i := range 9 {
		rs = append(rs, accounts.Reminder{Title: fmt.Sprintf("r%d", i)})
	}
	title, body := reminders.GroupText(rs, "zh")
	if title != "9 条提醒到期" || strings.Count(body, "\n") != 5 || !strings.Contains(body, "还有 4 条") {
		t.Errorf("zh group of 9: %q\n%s", title, body)
	}
	_, body = reminders.GroupText(rs[:6], "en")
	if strings.Count(body, "•") != 6 {
		t.Errorf("6 reminders should all be listed: %s", body)
	}
}

// Two Unbind processes on one database, then a restart: every due
// reminder fires exactly once.
func TestNoDoubleFiringAcrossRestarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), store.FileName)
	c := &clock{now: cst(2026, 6, 10, 9, 0)}
	f1 := openFixture(t, path, c)
	want := map[string]bool{}
	for _, r := range f1.addDue(20, cst(2026, 6, 9, 10, 0), "once") {
		want[r.ID] = true
	}
	f2 := openFixture(t, path, c)

	n1, n2 := &fakeNotifier{}, &fakeNotifier{}
	s1, s2 := f1.scheduler(n1, reminders.SchedulerOptions{}), f2.scheduler(n2, reminders.SchedulerOptions{})
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	for _, s := range []*reminders.Scheduler{s1, s2} {
		wg.Go(func() {
			for range 5 {
				for _, r := range s.Check(context.Background()) {
					mu.Lock()
					seen[r.ID]++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if len(seen) != len(want) {
		t.Errorf("%d reminders fired, want %d", len(seen), len(want))
	}
	for id, k := range seen {
		if k != 1 || !want[id] {
			t.Errorf("reminder %s fired %d times", id, k)
		}
	}
	if got := len(n1.take()) + len(n2.take()); got < 1 || got > 2 {
		t.Errorf("%d notifications for one batch of missed reminders over two processes", got)
	}

	// Restart: close both, open the file again, start a new scheduler.
	f1.st.Close()
	f2.st.Close()
	c.Add(24 * time.Hour)
	f3 := openFixture(t, path, c)
	n3 := &fakeNotifier{}
	if fired := f3.scheduler(n3, reminders.SchedulerOptions{}).Check(f3.ctx); len(fired) != 0 || len(n3.take()) != 0 {
		t.Errorf("after a restart %d reminders fired again", len(fired))
	}
	rs, err := f3.st.Reminders(f3.ctx, store.ReminderFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.State != accounts.ReminderFired || r.FiredAt == nil {
			t.Errorf("reminder %s is %s after firing", r.ID, r.State)
		}
	}
}

func TestSchedulerRespectsSnooze(t *testing.T) {
	f := newFixture(t, cst(2026, 6, 10, 9, 0))
	r := f.addDue(1, cst(2026, 6, 10, 9, 0), "snooze me")[0]
	n := &fakeNotifier{}
	s := f.scheduler(n, reminders.SchedulerOptions{})
	if fired := s.Check(f.ctx); len(fired) != 1 {
		t.Fatalf("first check fired %d", len(fired))
	}
	n.take()
	if _, err := f.svc.Snooze(f.ctx, r.ID, time.Hour); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		after time.Duration
		fires int
	}{{time.Minute, 0}, {30 * time.Minute, 0}, {30 * time.Minute, 1}, {time.Minute, 0}} {
		f.clock.Add(step.after)
		if fired := s.Check(f.ctx); len(fired) != step.fires {
			t.Errorf("at %v: %d fired, want %d", f.clock.Now().In(workdays.ChinaTime), len(fired), step.fires)
		}
	}
	if calls := n.take(); len(calls) != 1 || calls[0].title != "Taobao (main): snooze me 1" {
		t.Errorf("after the snooze: %v", calls)
	}
}

// Run checks at start and then every interval, syncing derived reminders
// first; it stops with its context.
func TestRunChecksAtStartAndPeriodically(t *testing.T) {
	f := newFixture(t, cst(2026, 6, 10, 9, 0))
	f.addDue(1, cst(2026, 6, 10, 8, 0), "at start")
	n := &fakeNotifier{sent: make(chan notification, 10)}
	fired := make(chan int, 10)
	s := f.scheduler(n, reminders.SchedulerOptions{Interval: 5 * time.Millisecond,
		OnFired: func(rs []accounts.Reminder) { fired <- len(rs) }})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()

	wait := func(what string) notification {
		t.Helper()
		select {
		case got := <-n.sent:
			return got
		case <-time.After(10 * time.Second):
			t.Fatalf("no notification %s", what)
		}
		return notification{}
	}
	if got := wait("at start"); got.title != "Taobao (main): at start 1" {
		t.Errorf("at start: %v", got)
	}

	// A kept account never backed up: the scheduler's sync derives its
	// backup reminder, which is due at once.
	a := f.addAccount(accounts.Account{PlatformID: "jd", Name: "京东"})
	f.status(a.ID, accounts.StatusKept, "", "", f.clock.Now())
	f.clock.Add(91 * 24 * time.Hour)
	s.Poke()
	if got := wait("for the derived backup reminder"); got.title != "JD.com (京东): time for a backup" {
		t.Errorf("derived: %v", got)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop")
	}
	if len(fired) != 2 {
		t.Errorf("OnFired called %d times, want 2", len(fired))
	}
}

// A notifier failure is reported, and the reminder is not fired again (it
// is in the list; a second notification would be a second firing).
func TestNotifyErrorsAreReported(t *testing.T) {
	f := newFixture(t, cst(2026, 6, 10, 9, 0))
	f.addDue(1, cst(2026, 6, 10, 8, 0), "no daemon")
	var errs []error
	n := &fakeNotifier{err: errors.New("org.freedesktop.Notifications was not provided")}
	s := f.scheduler(n, reminders.SchedulerOptions{OnError: func(err error) { errs = append(errs, err) }})
	s.Check(f.ctx)
	f.clock.Add(time.Minute)
	s.Check(f.ctx)
	if len(n.take()) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "notify reminder") {
		t.Errorf("errors %v", errs)
	}
}
