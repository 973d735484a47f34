package reminders_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
)

// renameEnv makes TestHelperRename, run in a child process, rename the
// account it names in the database it names: another Unbind process (the
// CLI) writing the file the GUI's scheduler watches.
const renameEnv = "UNBIND_TEST_RENAME"

func TestHelperRename(t *testing.T) {
	v := os.Getenv(renameEnv)
	if v == "" {
		t.Skip("helper process only")
	}
	path, id, _ := strings.Cut(v, "|")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := accounts.NewService(st, nil)
	a, err := svc.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	a.Name = "renamed elsewhere"
	if _, err := svc.Update(t.Context(), a); err != nil {
		t.Fatal(err)
	}
}

// steady syncs until nothing changes and checks that the next sync is
// skipped: the scheduler's minute with nothing new does no work.
func (f *fixture) steady(svc *reminders.Service) {
	f.t.Helper()
	for i := 0; ; i++ {
		res, err := svc.Sync(f.ctx, f.clock.Now())
		if err != nil {
			f.t.Fatal(err)
		}
		if res.Skipped {
			return
		}
		if i > 3 {
			f.t.Fatalf("sync does not settle: %+v", res)
		}
	}
}

// looked syncs after a change and checks that the sync looked (was not
// skipped) and left the store as a service with no memory of earlier
// syncs would: nothing for a fresh full sync to change.
func (f *fixture) looked(svc *reminders.Service, what string) reminders.SyncResult {
	f.t.Helper()
	res, err := svc.Sync(f.ctx, f.clock.Now())
	if err != nil {
		f.t.Fatal(err)
	}
	if res.Skipped {
		f.t.Fatalf("%s: the sync was skipped", what)
	}
	fresh := reminders.NewService(f.st, reminders.Options{Catalog: builtinCatalog(), Calendar: f.svc.Calendar(), Now: f.clock.Now})
	if svc == f.svc {
		fresh = reminders.NewService(f.st, reminders.Options{Catalog: builtinCatalog(), Calendar: f.svc.Calendar(), Lang: "en", Now: f.clock.Now})
	}
	if again, err := fresh.Sync(f.ctx, f.clock.Now()); err != nil || again.Changed != 0 {
		f.t.Fatalf("%s: a fresh sync still changed %d accounts (%v): the change was missed", what, again.Changed, err)
	}
	return res
}

func TestSyncSeesEveryChange(t *testing.T) {
	f := newFixture(t, cst(2026, 6, 1, 9, 0))
	tb := f.addAccount(accounts.Account{PlatformID: "taobao", Name: "主号", Login: "tb_user"})
	f.steady(f.svc)

	// An account edit: the titles name the account.
	tb.Name = "购物号"
	if _, err := f.acc.Update(f.ctx, tb); err != nil {
		t.Fatal(err)
	}
	f.looked(f.svc, "an account edit")
	f.steady(f.svc)

	// A tick on a track starts the preparation: prerequisite reminders.
	if _, err := f.acc.TickStep(f.ctx, tb.ID, accounts.TrackAccountDelete, accounts.StepKey(0), true); err != nil {
		t.Fatal(err)
	}
	if res := f.looked(f.svc, "a track tick"); res.Changed != 1 || len(f.open(tb.ID)) == 0 {
		t.Fatalf("a track tick: %+v, open %v", res, sortedKeys(f.open(tb.ID)))
	}
	f.steady(f.svc)

	// A restore brings an account kept, with a backup due.
	inv, err := f.st.ExportInventory(f.ctx, f.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	last := cst(2026, 1, 10, 12, 0)
	kept := accounts.Account{ID: "restored-kept", PlatformID: "jd", Name: "京东", Status: accounts.StatusKept,
		LastBackupAt: &last, CreatedAt: last, UpdatedAt: last, Version: 1}
	inv.Accounts = append(inv.Accounts, store.InventoryAccount{Account: kept})
	if _, err := f.st.RestoreInventory(f.ctx, inv, "backup.json", f.clock.Now()); err != nil {
		t.Fatal(err)
	}
	f.looked(f.svc, "a restore")
	if len(f.open(kept.ID)) != 1 {
		t.Fatalf("the restored account's backup reminder: %v", sortedKeys(f.open(kept.ID)))
	}
	f.steady(f.svc)

	// Another process renames the account in the same file.
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperRename$")
	cmd.Env = append(os.Environ(), renameEnv+"="+f.st.Path()+"|"+tb.ID)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("helper process: %v\n%s", err, out)
	}
	f.looked(f.svc, "another process's edit")
	for _, r := range f.open(tb.ID) {
		if !strings.Contains(r.Title, "renamed elsewhere") {
			t.Fatalf("the other process's name is not in %q", r.Title)
		}
	}
	f.steady(f.svc)

	// A language switch through the store's setting (a service that
	// follows it, as the CLI's does).
	follow := reminders.NewService(f.st, reminders.Options{Catalog: builtinCatalog(), Calendar: f.svc.Calendar(), Now: f.clock.Now})
	if err := f.st.SetSetting(f.ctx, store.SettingLanguage, "en"); err != nil {
		t.Fatal(err)
	}
	f.steady(follow)
	if err := f.st.SetSetting(f.ctx, store.SettingLanguage, "zh"); err != nil {
		t.Fatal(err)
	}
	f.looked(follow, "a language switch")
	for _, r := range f.open(tb.ID) {
		if !strings.Contains(r.Title, "：") {
			t.Fatalf("not in Chinese after the switch: %q", r.Title)
		}
	}
}

// The clock alone moves a backup: the occurrence due today becomes the
// current one at the due hour, with no write to the store.
func TestSyncFollowsTheClockWithoutChanges(t *testing.T) {
	f := newFixture(t, cst(2026, 3, 6, 9, 0))
	if err := f.st.SetSetting(f.ctx, store.SettingBackupIntervalDays, "30"); err != nil {
		t.Fatal(err)
	}
	last := cst(2026, 1, 5, 21, 0)
	kept := f.addAccount(accounts.Account{PlatformID: "jd", Name: "京东", Status: accounts.StatusKept})
	if err := f.acc.RecordBackup(f.ctx, kept.ID, last, ""); err != nil {
		t.Fatal(err)
	}
	f.steady(f.svc)
	if got := sortedKeys(f.open(kept.ID)); len(got) != 1 || got[0] != "backup:2026-02-04" {
		t.Fatalf("before 10:00: %v", got)
	}
	f.clock.Set(cst(2026, 3, 6, 9, 59))
	if res := f.sync(); !res.Skipped {
		t.Fatalf("same epoch, nothing changed, yet the sync looked: %+v", res)
	}
	f.clock.Set(cst(2026, 3, 6, 10, 0))
	f.looked(f.svc, "the due hour")
	if got := sortedKeys(f.open(kept.ID)); len(got) != 1 || got[0] != "backup:2026-03-06" {
		t.Fatalf("at 10:00: %v", got)
	}
}

// A skipped sync does not stop the time-driven part: a snoozed reminder
// fires when its snooze ends, in the same epoch as the sync before.
func TestSchedulerFiresWhileSyncSkips(t *testing.T) {
	f := newFixture(t, cst(2026, 6, 1, 12, 0))
	r := f.addDue(1, cst(2026, 6, 1, 12, 0), "call the bank")[0]
	n := &fakeNotifier{}
	sch := f.scheduler(n, reminders.SchedulerOptions{})
	if fired := sch.Check(f.ctx); len(fired) != 1 {
		t.Fatalf("due at noon, fired %d", len(fired))
	}
	if _, err := f.svc.Snooze(f.ctx, r.ID, 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	f.steady(f.svc)
	f.clock.Set(cst(2026, 6, 1, 12, 31))
	if res := f.sync(); !res.Skipped {
		t.Fatalf("nothing changed: %+v", res)
	}
	if fired := sch.Check(f.ctx); len(fired) != 1 || fired[0].ID != r.ID {
		t.Fatalf("the snooze ended at 12:30, fired %v", fired)
	}
}
