package reminders_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/assets"
	"github.com/unbindapp/unbind/reminders"
)

// The store is what the service needs.
var _ reminders.Store = (*store.Store)(nil)

// clock is a settable clock for the service, the scheduler and the
// accounts service.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

func (c *clock) Add(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

// fixture is a real store on disk with the accounts service and the
// reminder service over it, the built-in catalog and a fixed clock.
type fixture struct {
	t     testing.TB
	ctx   context.Context
	st    *store.Store
	acc   *accounts.Service
	svc   *reminders.Service
	clock *clock
}

var builtinCatalog = sync.OnceValue(func() *catalog.Catalog {
	c, _ := catalog.Load(assets.Catalog, "")
	return c
})

func openFixture(t testing.TB, path string, c *clock) *fixture {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	acc := accounts.NewService(st, nil)
	acc.Now = c.Now
	svc := reminders.NewService(st, reminders.Options{Catalog: builtinCatalog(), Calendar: embedded(t), Lang: "en", Now: c.Now})
	return &fixture{t: t, ctx: context.Background(), st: st, acc: acc, svc: svc, clock: c}
}

func newFixture(t *testing.T, now time.Time) *fixture {
	return openFixture(t, filepath.Join(t.TempDir(), store.FileName), &clock{now: now})
}

func (f *fixture) addAccount(a accounts.Account) accounts.Account {
	f.t.Helper()
	saved, err := f.acc.Add(f.ctx, a)
	if err != nil {
		f.t.Fatal(err)
	}
	return saved
}

func (f *fixture) status(id string, to accounts.Status, track accounts.TrackKind, ticket string, at time.Time) {
	f.t.Helper()
	if _, err := f.acc.ChangeStatus(f.ctx, id, to, accounts.StatusChange{Track: track, Evidence: ticket, At: at}); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) sync() reminders.SyncResult {
	f.t.Helper()
	res, err := f.svc.Sync(f.ctx, f.clock.Now())
	if err != nil {
		f.t.Fatal(err)
	}
	return res
}

// open lists the account's open reminders by key.
func (f *fixture) open(id string) map[string]accounts.Reminder {
	f.t.Helper()
	rs, err := f.svc.List(f.ctx, store.ReminderFilter{AccountID: id, OpenOnly: true})
	if err != nil {
		f.t.Fatal(err)
	}
	out := map[string]accounts.Reminder{}
	for _, r := range rs {
		out[r.Key] = r
	}
	return out
}

func sortedKeys(m map[string]accounts.Reminder) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// A Taobao account through its whole life: the reminders follow its state.
func TestSyncFollowsAccountState(t *testing.T) {
	f := newFixture(t, cst(2026, 9, 20, 9, 0))
	a := f.addAccount(accounts.Account{PlatformID: "taobao", Name: "淘宝主号", Login: "tb_user"})
	if res := f.sync(); res.Accounts != 1 || res.Changed != 0 || len(f.open(a.ID)) != 0 {
		t.Fatalf("a new active account: %+v, %v", res, sortedKeys(f.open(a.ID)))
	}

	// The first tick starts the preparation: one reminder per unmet
	// prerequisite of account deletion (no shop: not a seller).
	if _, err := f.acc.TickStep(f.ctx, a.ID, accounts.TrackAccountDelete, accounts.StepKey(0), true); err != nil {
		t.Fatal(err)
	}
	f.sync()
	// The catalog's prerequisites of Taobao's deletion, less the seller-only
	// ones (this account is no seller).
	tb, _ := builtinCatalog().Platform("taobao")
	del, _ := tb.Track(accounts.TrackAccountDelete)
	var want []string
	for _, p := range del.Prerequisites {
		if p.ID != catalog.CloseShop && p.ID != catalog.RefundDeposit && p.ID != catalog.ShipPendingOrders {
			want = append(want, "prerequisite:account_delete:"+p.ID)
		}
	}
	slices.Sort(want)
	if !slices.Contains(want, "prerequisite:account_delete:backup_orders") {
		t.Fatalf("taobao deletion lost its backup_orders prerequisite: %v", want)
	}
	open := f.open(a.ID)
	if got := sortedKeys(open); !slices.Equal(got, want) {
		t.Fatalf("preparing: %v, want %v", got, want)
	}
	firstDue := open["prerequisite:account_delete:backup_orders"].DueAt
	if !firstDue.Equal(cst(2026, 9, 21, 10, 0)) {
		t.Errorf("prerequisite due %v, want the next day at 10:00", firstDue)
	}

	// Syncing again changes nothing, also days later: the due time stays.
	f.clock.Set(cst(2026, 9, 23, 9, 0))
	if res := f.sync(); res.Changed != 0 {
		t.Errorf("a second sync changed %d accounts", res.Changed)
	}
	if due := f.open(a.ID)[want[2]].DueAt; !due.Equal(firstDue) {
		t.Errorf("the prerequisite's due time moved from %v to %v", firstDue, due)
	}

	// Ticking a prerequisite makes its reminder go away.
	if _, err := f.acc.TickStep(f.ctx, a.ID, accounts.TrackAccountDelete, accounts.PrereqKey(catalog.BackupOrders), true); err != nil {
		t.Fatal(err)
	}
	if res := f.sync(); res.Changed != 1 {
		t.Errorf("sync after a tick changed %d accounts", res.Changed)
	}
	if _, ok := f.open(a.ID)["prerequisite:account_delete:backup_orders"]; ok || len(f.open(a.ID)) != len(want)-1 {
		t.Errorf("after ticking backup_orders: %v", sortedKeys(f.open(a.ID)))
	}

	// A dismissed reminder does not come back.
	dismissed := f.open(a.ID)[want[len(want)-1]]
	if _, err := f.svc.Dismiss(f.ctx, dismissed.ID); err != nil {
		t.Fatal(err)
	}
	f.sync()
	if r, err := f.st.Reminder(f.ctx, dismissed.ID); err != nil || r.State != accounts.ReminderDismissed {
		t.Errorf("dismissed reminder after sync: %+v, %v", r, err)
	}

	// Submitted: the prerequisites go, the escalation comes (Taobao
	// publishes no review window for deletion).
	f.status(a.ID, accounts.StatusSubmitted, accounts.TrackAccountDelete, "TB-9", cst(2026, 9, 30, 15, 30))
	f.sync()
	open = f.open(a.ID)
	esc, ok := open["escalation:account_delete:20260930T073000Z"]
	if len(open) != 1 || !ok {
		t.Fatalf("submitted: %v", sortedKeys(open))
	}
	if !esc.DueAt.Equal(cst(2026, 10, 27, 10, 0)) || !strings.Contains(esc.Body, "TB-9") || !strings.Contains(esc.Body, "Taobao") {
		t.Errorf("escalation %v: %s", esc.DueAt, esc.Body)
	}

	// Deactivated: the escalation goes, the post check comes a week later.
	f.status(a.ID, accounts.StatusDeactivated, accounts.TrackAccountDelete, "", cst(2026, 10, 20, 11, 0))
	f.sync()
	open = f.open(a.ID)
	if got := sortedKeys(open); !slices.Equal(got, []string{"post_check:20261020T030000Z"}) {
		t.Fatalf("deactivated: %v", got)
	}
	if pc := open["post_check:20261020T030000Z"]; !pc.DueAt.Equal(cst(2026, 10, 27, 10, 0)) {
		t.Errorf("post check due %v", pc.DueAt)
	}
}

// A deactivation without a track still dates the check from the history.
func TestPostCheckFromHistory(t *testing.T) {
	f := newFixture(t, cst(2026, 5, 1, 9, 0))
	a := f.addAccount(accounts.Account{PlatformID: "jd", Name: "京东"})
	f.status(a.ID, accounts.StatusPreparing, "", "", cst(2026, 5, 2, 9, 0))
	f.status(a.ID, accounts.StatusSubmitted, "", "", cst(2026, 5, 3, 9, 0))
	f.status(a.ID, accounts.StatusDeactivated, "", "", cst(2026, 5, 6, 18, 0))
	f.sync()
	open := f.open(a.ID)
	if got := sortedKeys(open); !slices.Equal(got, []string{"post_check:20260506T100000Z"}) {
		t.Fatalf("deactivated without a track: %v", got)
	}
}

func TestDoneBackupRecordsIt(t *testing.T) {
	f := newFixture(t, cst(2026, 1, 1, 9, 0))
	a := f.addAccount(accounts.Account{PlatformID: "jd", Name: "京东"})
	f.status(a.ID, accounts.StatusKept, "", "", cst(2026, 1, 1, 9, 0))
	if err := f.st.SetSetting(f.ctx, store.SettingBackupIntervalDays, "30"); err != nil {
		t.Fatal(err)
	}
	f.clock.Set(cst(2026, 2, 3, 9, 0))
	f.sync()
	open := f.open(a.ID)
	r, ok := open["backup:2026-01-31"]
	if len(open) != 1 || !ok {
		t.Fatalf("kept account, 30 days: %v", sortedKeys(open))
	}
	if _, err := f.svc.Done(f.ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	got, err := f.acc.Get(f.ctx, a.ID)
	if err != nil || got.LastBackupAt == nil || !got.LastBackupAt.Equal(f.clock.Now()) {
		t.Fatalf("Done on a backup reminder should record the backup: %+v, %v", got.LastBackupAt, err)
	}
	open = f.open(a.ID)
	if _, ok := open["backup:2026-03-05"]; len(open) != 1 || !ok {
		t.Errorf("after the backup: %v, want the next one 30 days on", sortedKeys(open))
	}
	if done, _ := f.st.Reminder(f.ctx, r.ID); done.State != accounts.ReminderDone {
		t.Errorf("the done reminder is %s", done.State)
	}
}

func TestCustomReminders(t *testing.T) {
	f := newFixture(t, cst(2026, 6, 1, 9, 0))
	a := f.addAccount(accounts.Account{PlatformID: "taobao", Name: "main"})
	at := cst(2026, 6, 3, 20, 0)
	for _, bad := range []struct {
		id, note string
		at       time.Time
		want     error
	}{
		{a.ID, "  ", at, accounts.ErrInvalid},
		{a.ID, strings.Repeat("长", reminders.MaxNoteLen+1), at, accounts.ErrInvalid},
		{a.ID, "x", time.Time{}, accounts.ErrInvalid},
		{"no-such-account", "x", at, accounts.ErrNotFound},
	} {
		if _, err := f.svc.AddCustom(f.ctx, bad.id, bad.at, bad.note); !errors.Is(err, bad.want) {
			t.Errorf("AddCustom(%q, %v, %.10q) = %v, want %v", bad.id, bad.at, bad.note, err, bad.want)
		}
	}
	r, err := f.svc.AddCustom(f.ctx, a.ID, at, "Call customer service\nask about the deposit")
	if err != nil {
		t.Fatal(err)
	}
	if r.Kind != accounts.ReminderCustom || r.Title != "Taobao (main): Call customer service" || !r.DueAt.Equal(at) ||
		r.Body != "Call customer service\nask about the deposit" || r.State != accounts.ReminderPending {
		t.Errorf("custom reminder = %+v", r)
	}
	f.sync() // rules never touch custom reminders
	if _, ok := f.open(a.ID)[r.Key]; !ok {
		t.Fatal("sync removed a custom reminder")
	}

	if _, err := f.svc.Snooze(f.ctx, r.ID, 0); !errors.Is(err, accounts.ErrInvalid) {
		t.Errorf("snooze 0: %v", err)
	}
	s, err := f.svc.Snooze(f.ctx, r.ID, 48*time.Hour)
	if err != nil || s.State != accounts.ReminderSnoozed || !s.SnoozedUntil.Equal(f.clock.Now().Add(48*time.Hour)) {
		t.Errorf("snooze: %+v, %v", s, err)
	}
	due, err := f.svc.Due(f.ctx, f.clock.Now().Add(47*time.Hour))
	if err != nil || len(due) != 0 {
		t.Errorf("due while snoozed: %v, %v", due, err)
	}
	if due, _ := f.svc.Due(f.ctx, f.clock.Now().Add(48*time.Hour)); len(due) != 1 {
		t.Errorf("due when the snooze ends: %d reminders", len(due))
	}
	if d, err := f.svc.Done(f.ctx, r.ID); err != nil || d.State != accounts.ReminderDone {
		t.Errorf("done: %+v, %v", d, err)
	}
	if _, err := f.svc.Dismiss(f.ctx, r.ID); !errors.Is(err, accounts.ErrIllegalTransition) {
		t.Errorf("dismissing a done reminder: %v", err)
	}
	if _, err := f.svc.Done(f.ctx, "nope"); !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("done on an unknown ID: %v", err)
	}
}

func TestLanguageFromSettings(t *testing.T) {
	f := newFixture(t, cst(2026, 6, 1, 9, 0))
	svc := reminders.NewService(f.st, reminders.Options{Catalog: builtinCatalog()})
	if err := f.st.SetSetting(f.ctx, store.SettingLanguage, "zh"); err != nil {
		t.Fatal(err)
	}
	if got := svc.Lang(f.ctx); got != "zh" {
		t.Errorf("language with the setting zh: %s", got)
	}
	t.Setenv("UNBIND_LANG", "en")
	if err := f.st.SetSetting(f.ctx, store.SettingLanguage, ""); err != nil {
		t.Fatal(err)
	}
	if got := svc.Lang(f.ctx); got != "en" {
		t.Errorf("language from $UNBIND_LANG: %s", got)
	}
}
