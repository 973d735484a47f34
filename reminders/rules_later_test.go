package reminders_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/reminders"
)

// The rules after a request: the post-deactivation check, backups of kept
// accounts, and what applies without a catalog entry.

func TestPostCheckReminder(t *testing.T) {
	done := cst(2026, 10, 9, 20, 0)
	tr := submitted(accounts.TrackAccountDelete, cst(2026, 9, 30, 9, 0), "")
	tr.CompletedAt = &done
	in := rulesInput(t, accounts.StatusDeactivated, tr)
	got := reminders.Derive(in)
	if len(got) != 1 {
		t.Fatalf("deactivated: %v, want one post check", keys(got))
	}
	r := got[0]
	if r.Kind != accounts.ReminderPostCheck || r.Key != "post_check:20261009T120000Z" || !r.DueAt.Equal(cst(2026, 10, 16, 10, 0)) {
		t.Errorf("post check from the track's completion: %+v", r)
	}
	for _, want := range []string{"2026-10-09", "Do not sign in with b***@example.com", "138****5678", "一证通查", "real name"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("post check body lacks %q: %s", want, r.Body)
		}
	}
	assertNoSignInAdvice(t, r.Body)
	// The history's deactivation time wins; no phone, no real name: no
	// questions about them.
	in.DeactivatedAt = cst(2026, 11, 2, 8, 0)
	in.Account.Phone, in.Account.RealName = "", false
	r = reminders.Derive(in)[0]
	if !r.DueAt.Equal(cst(2026, 11, 9, 10, 0)) || strings.Contains(r.Body, "phone") || strings.Contains(r.Body, "real name") {
		t.Errorf("post check from DeactivatedAt: %v %q", r.DueAt, r.Body)
	}
}

func TestBackupReminder(t *testing.T) {
	in := rulesInput(t, accounts.StatusKept)
	last := cst(2026, 1, 5, 21, 0)
	in.Account.LastBackupAt = &last
	in.Now = cst(2026, 2, 1, 12, 0)
	r := reminders.Derive(in)[0]
	if r.Kind != accounts.ReminderBackup || r.Key != "backup:2026-04-05" || !r.DueAt.Equal(cst(2026, 4, 5, 10, 0)) {
		t.Errorf("default 90 days: %s due %v", r.Key, r.DueAt)
	}
	if !strings.Contains(r.Body, "2026-01-05") || !strings.Contains(r.Body, "every 90 days") {
		t.Errorf("body %q", r.Body)
	}

	in.Settings.BackupIntervalDays = 30
	for _, tc := range []struct {
		now  time.Time
		want string
	}{
		{cst(2026, 2, 4, 9, 59), "backup:2026-02-04"},   // first occurrence, not yet due
		{cst(2026, 2, 4, 10, 0), "backup:2026-02-04"},   // due now
		{cst(2026, 3, 6, 9, 0), "backup:2026-02-04"},    // second one not due yet: the first is current
		{cst(2026, 3, 6, 10, 0), "backup:2026-03-06"},   // the second
		{cst(2026, 12, 31, 9, 0), "backup:2026-12-01"},  // many missed: only the latest
		{cst(2026, 12, 31, 23, 0), "backup:2026-12-31"}, // the 12th
	} {
		in.Now = tc.now
		if r := reminders.Derive(in)[0]; r.Key != tc.want {
			t.Errorf("30 days, at %v: %s, want %s", tc.now, r.Key, tc.want)
		}
	}

	// Never backed up: counted from the account's creation.
	in.Account.LastBackupAt = nil
	in.Now = cst(2025, 1, 2, 0, 0)
	if r := reminders.Derive(in)[0]; r.Key != "backup:2025-01-31" || !strings.Contains(r.Body, "never") {
		t.Errorf("never backed up: %s %q", r.Key, r.Body)
	}
}

func TestRulesWithoutCatalog(t *testing.T) {
	in := rulesInput(t, accounts.StatusPreparing)
	in.Platform, in.HasPlatform = catalog.Platform{}, false
	in.Account.PlatformID, in.Account.Name = "custom", "某论坛"
	if got := reminders.Derive(in); len(got) != 0 {
		t.Errorf("preparing on an unknown platform: %v", keys(got))
	}
	in.Account.Status = accounts.StatusSubmitted
	in.Tracks = []accounts.Track{submitted(accounts.TrackAccountDelete, cst(2026, 5, 6, 10, 0), "")}
	got := reminders.Derive(in)
	if len(got) != 1 || got[0].Kind != accounts.ReminderEscalation || !strings.HasPrefix(got[0].Title, "某论坛: ") {
		t.Errorf("submitted on an unknown platform: %+v", got)
	}
	in.Calendar = nil // weekends only, no panic
	if got := reminders.Derive(in); len(got) != 1 {
		t.Errorf("no calendar: %v", keys(got))
	}
}

func TestDeriveIsStable(t *testing.T) {
	in := rulesInput(t, accounts.StatusSubmitted, submitted(accounts.TrackAccountDelete, cst(2026, 9, 30, 15, 30), "X"))
	a := reminders.Derive(in)
	in.Now = in.Now.Add(24 * time.Hour)
	if b := reminders.Derive(in); !reflect.DeepEqual(a, b) {
		t.Error("the same submitted state gave different reminders a day later")
	}
}
