package reminders_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
)

// stored is every reminder of the fixture, as comparable lines.
func (f *fixture) stored() []string {
	f.t.Helper()
	all, err := f.st.Reminders(f.ctx, store.ReminderFilter{})
	if err != nil {
		f.t.Fatal(err)
	}
	names := map[string]string{}
	accs, _ := f.acc.List(f.ctx)
	for _, a := range accs {
		names[a.ID] = a.Name
	}
	var out []string
	for _, r := range all {
		out = append(out, fmt.Sprintf("%s %s %s %s %v", names[r.AccountID], r.Key, r.State, r.Title, r.DueAt.UTC()))
	}
	slices.Sort(out)
	return out
}

// A sync from a loaded snapshot (accounts and tracks, as the GUI's start
// loads them) leaves the store as a plain Sync does, with reminders
// already there, dismissed, or gone stale.
func TestSyncSnapshotIsSync(t *testing.T) {
	now := cst(2026, 9, 20, 9, 0)
	plain, snap := newFixture(t, now), newFixture(t, now)
	for _, f := range []*fixture{plain, snap} {
		a := f.addAccount(accounts.Account{PlatformID: "taobao", Name: "淘宝主号"})
		b := f.addAccount(accounts.Account{PlatformID: "jd", Name: "京东"})
		if _, err := f.acc.TickStep(f.ctx, a.ID, accounts.TrackAccountDelete, accounts.StepKey(0), true); err != nil {
			t.Fatal(err)
		}
		f.status(b.ID, accounts.StatusPreparing, accounts.TrackAccountDelete, "", now)
		f.status(b.ID, accounts.StatusSubmitted, accounts.TrackAccountDelete, "T-1", now)
		f.sync()
		open := f.open(a.ID)
		if len(open) < 2 {
			t.Fatalf("want prerequisite reminders, got %v", sortedKeys(open))
		}
		if _, err := f.st.SetReminderState(f.ctx, open[sortedKeys(open)[0]].ID, accounts.ReminderDismissed, now, nil); err != nil {
			t.Fatal(err)
		}
		c := f.addAccount(accounts.Account{PlatformID: "pinduoduo", Name: "拼多多"})
		f.status(c.ID, accounts.StatusPreparing, accounts.TrackAccountDelete, "", now)
		f.clock.Add(48 * time.Hour)
	}
	plain.sync()
	accs, err := snap.acc.List(snap.ctx)
	if err != nil {
		t.Fatal(err)
	}
	tracks, err := snap.st.AllTracks(snap.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := snap.svc.SyncSnapshot(snap.ctx, snap.clock.Now(), reminders.Snapshot{Accounts: accs, Tracks: tracks}); err != nil {
		t.Fatal(err)
	}
	got, want := snap.stored(), plain.stored()
	if !slices.Equal(got, want) {
		t.Errorf("after SyncSnapshot:\n%v\nafter Sync:\n%v", got, want)
	}
	if len(want) < 3 {
		t.Errorf("only %d reminders: the test exercises nothing", len(want))
	}
}
