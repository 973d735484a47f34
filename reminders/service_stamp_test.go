package reminders_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
)

// settled is a store whose reminders a complete Sync has brought up to
// date twice (the second finds nothing to change and stamps it).
func settled(t *testing.T, now time.Time) (string, *fixture) {
	path := filepath.Join(t.TempDir(), store.FileName)
	f := openFixture(t, path, &clock{now: now})
	a := f.addAccount(accounts.Account{PlatformID: "taobao", Name: "淘宝主号"})
	if _, err := f.acc.TickStep(f.ctx, a.ID, accounts.TrackAccountDelete, accounts.StepKey(0), true); err != nil {
		t.Fatal(err)
	}
	f.sync()
	if res := f.sync(); res.Changed != 0 {
		t.Fatalf("second sync changed %d", res.Changed)
	}
	return path, f
}

// later is another process on the same file: a new store pool and service.
func later(t *testing.T, path string, now time.Time) *fixture {
	return openFixture(t, path, &clock{now: now})
}

// A complete Sync that changed nothing leaves a stamp, and the next
// process's first Sync (or SyncSnapshot) with the same data, settings,
// day, build, catalog and calendar reads nothing more; any of those
// changed, it derives again.
func TestStampSkipsTheNextStartOnlyWhenNothingChanged(t *testing.T) {
	now := cst(2026, 9, 20, 9, 0)
	path, first := settled(t, now)

	next := later(t, path, now)
	if res := next.sync(); !res.Skipped || res.Accounts != 1 {
		t.Fatalf("next process, nothing changed: %+v, want skipped over 1 account", res)
	}
	snap := later(t, path, now)
	if res, err := snap.svc.SyncSnapshot(snap.ctx, now, reminders.Snapshot{}); err != nil || !res.Skipped {
		t.Fatalf("SyncSnapshot, nothing changed: %+v %v", res, err)
	}

	// A day later the rules see another date.
	if res := later(t, path, now.Add(24*time.Hour)).sync(); res.Skipped {
		t.Error("next day: skipped")
	}
	// Another build, catalog or calendar.
	other := reminders.NewService(first.st, reminders.Options{Catalog: builtinCatalog(), Calendar: embedded(t), Lang: "en",
		Now: first.clock.Now, Build: "another build"})
	if res, _ := other.Sync(context.Background(), now); res.Skipped {
		t.Error("another build: skipped")
	}
	noCatalog := reminders.NewService(first.st, reminders.Options{Calendar: embedded(t), Lang: "en", Now: first.clock.Now})
	if res, _ := noCatalog.Sync(context.Background(), now); res.Skipped {
		t.Error("another catalog: skipped")
	}
	// A write by anyone: a new account here, a setting there.
	path2, f2 := settled(t, now)
	f2.addAccount(accounts.Account{PlatformID: "jd", Name: "京东"})
	if res := later(t, path2, now).sync(); res.Skipped {
		t.Error("after a new account: skipped")
	}
	path3, f3 := settled(t, now)
	if err := f3.st.SetSetting(f3.ctx, store.SettingDueHour, "10"); err != nil {
		t.Fatal(err)
	}
	if res := later(t, path3, now).sync(); res.Skipped {
		t.Error("after a settings change: skipped")
	}
}

// racingStore writes an account through another pool right after the Sync
// first reads the write count, as another process might.
type racingStore struct {
	*store.Store
	other *store.Store
	reads int
}

func (r *racingStore) WriteCount(ctx context.Context) (int64, error) {
	n, err := r.Store.WriteCount(ctx)
	if r.reads++; r.reads == 1 {
		if _, err := accounts.NewService(r.other, nil).Add(ctx, accounts.Account{PlatformID: "jd", Name: "写入"}); err != nil {
			return 0, err
		}
	}
	return n, err
}

// A write during a Sync leaves no stamp: what it derived may miss it.
func TestNoStampAfterAWriteDuringTheSync(t *testing.T) {
	now := cst(2026, 9, 20, 9, 0)
	path, f := settled(t, now)
	other, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	before, _, _ := f.st.Stamp(f.ctx, "reminders")
	race := &racingStore{Store: f.st, other: other}
	svc := reminders.NewService(race, reminders.Options{Catalog: builtinCatalog(), Calendar: embedded(t), Lang: "en", Now: f.clock.Now})
	res, err := svc.Sync(f.ctx, now.Add(24*time.Hour))
	if err != nil || res.Changed != 0 || res.Skipped {
		t.Fatalf("sync %+v, %v: want a complete one that changes nothing", res, err)
	}
	if race.reads < 2 {
		t.Fatalf("the Sync read the write count %d times", race.reads)
	}
	after, _, _ := f.st.Stamp(f.ctx, "reminders")
	if after != before {
		t.Errorf("stamp %+v after a racing write, was %+v", after, before)
	}
	if res := later(t, path, now.Add(24*time.Hour)).sync(); res.Skipped {
		t.Error("the next process skipped although a write came during the last Sync")
	}
}

// A snapshot counted before it was read stamps like a complete Sync, so a
// start that found nothing to change makes the next start skip; a write
// after the count leaves no stamp.
func TestCountedSnapshotStamps(t *testing.T) {
	now := cst(2026, 9, 20, 9, 0)
	load := func(f *fixture) reminders.Snapshot {
		count, err := f.st.WriteCount(f.ctx)
		if err != nil {
			t.Fatal(err)
		}
		accs, _ := f.acc.List(f.ctx)
		tracks, _ := f.st.AllTracks(f.ctx)
		return reminders.Snapshot{Accounts: accs, Tracks: tracks, WriteCount: count, Counted: true}
	}
	for _, write := range []bool{false, true} {
		path, f := settled(t, now)
		day := now.Add(24 * time.Hour) // the stamp of settled does not cover it
		start := later(t, path, day)
		snap := load(start)
		if write {
			f.addAccount(accounts.Account{PlatformID: "jd", Name: "京东"})
		}
		res, err := start.svc.SyncSnapshot(start.ctx, day, snap)
		if err != nil || res.Skipped {
			t.Fatalf("write %v: first start %+v %v", write, res, err)
		}
		if res := later(t, path, day).sync(); res.Skipped == write {
			t.Errorf("write after the count %v: next start skipped %v", write, res.Skipped)
		}
	}
}
