package report_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/report"
)

// codesByAccount lists each account's finding codes.
func codesByAccount(r *report.Report) map[string][]string {
	out := map[string][]string{}
	for _, f := range r.Findings {
		out[f.Account] = append(out[f.Account], f.Code)
	}
	return out
}

func TestFixtureFindings(t *testing.T) {
	f := newFixture(t)
	r := f.build(t, baseOptions())
	want := map[string][]string{
		"淘宝主号": {report.CodeDeactivatedRealNameBound, report.CodeShopDepositNotRefunded},
		"闲鱼":   {report.CodeGroupMemberActive},
		"天猫会员": {report.CodeReviewOverdue},
		"京东主号": {report.CodeDeletionWithoutBackup},
		"拼多多":  {report.CodeRequestRejected},
		"抖音":   {report.CodeBackupStale},
		"微信":   {report.CodeBackupMissing},
		"美团外卖": {report.CodePreparingWithoutBackup},
	}
	got := codesByAccount(r)
	for name, codes := range want {
		slices.Sort(got[name])
		slices.Sort(codes)
		if !slices.Equal(got[name], codes) {
			t.Errorf("%s: findings %v, want %v", name, got[name], codes)
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings for %d accounts, want %d: %v", len(got), len(want), got)
	}
	for _, fd := range r.Findings {
		if fd.Code == report.CodeReviewOverdue && fd.OverdueWorkdays != 11 {
			// Submitted Tue 28 Apr, 3 working days: due Wed 6 May (1–5 May
			// are holidays); 7–20 May has 11 working days, Sat 9 May included.
			t.Errorf("review overdue by %d working days, want 11", fd.OverdueWorkdays)
		}
	}
	s := r.Summary
	if s.Accounts != 10 || s.ReviewsOverdue != 1 || s.RealNameBound != 4 || s.BackupsStale != 1 || s.NoCredentials != 0 {
		t.Errorf("summary %+v", s)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings with catalog and calendar: %v", r.Warnings)
	}
}

func TestWithoutCatalogOrCalendar(t *testing.T) {
	f := newFixture(t)
	in := f.in
	in.Platforms, in.Calendar = nil, nil
	r, err := report.Build(context.Background(), in, baseOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) != 2 {
		t.Errorf("warnings = %q, want no catalog and no calendar", r.Warnings)
	}
	for _, a := range r.Accounts {
		if a.PlatformName == "淘宝" || a.IdentityGroup != "" || a.ChecklistTotal != 0 {
			t.Errorf("without a catalog %s shows %q, group %q, %d items", a.Name, a.PlatformName, a.IdentityGroup, a.ChecklistTotal)
		}
	}
	for _, fd := range r.Findings {
		if fd.Code == report.CodeGroupMemberActive || fd.Code == report.CodeReviewOverdue {
			t.Errorf("without a catalog there is no %s", fd.Code)
		}
	}
}

func TestBadOptions(t *testing.T) {
	for _, o := range []report.Options{
		{Lang: "fr"},
		{Since: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if _, err := report.Build(context.Background(), report.Input{}, o); !errors.Is(err, accounts.ErrInvalid) {
			t.Errorf("Build(%+v) = %v, want ErrInvalid", o, err)
		}
	}
	r, err := report.Build(context.Background(), report.Input{}, report.Options{})
	if err != nil || r.Header.Lang != "zh" || r.Header.BackupIntervalDays != 90 || r.Accounts == nil || r.Findings == nil {
		t.Errorf("empty report: %+v, %v", r, err)
	}
}

// TestIdentityGroup: a gone Taobao account flags Xianyu only when they look
// like the same login.
func TestIdentityGroup(t *testing.T) {
	f := newFixture(t)
	gone := accounts.Account{ID: "g", PlatformID: "taobao", Name: "淘宝", Phone: "13800000001", Status: accounts.StatusDeactivated}
	cases := []struct {
		alive accounts.Account
		flag  bool
	}{
		{accounts.Account{Phone: "+86 138 0000 0001"}, true},                        // same phone
		{accounts.Account{Phone: "13800000002"}, false},                             // another phone
		{accounts.Account{Email: "x@example.com"}, true},                            // nothing to compare
		{accounts.Account{Phone: "13800000002", Login: "13800000001"}, false},       // login compares with no login
		{accounts.Account{Phone: "13800000001", Status: accounts.StatusKept}, true}, // kept is not gone
	}
	for i, c := range cases {
		a := c.alive
		a.ID, a.PlatformID, a.Name = "a", "xianyu", "闲鱼"
		if a.Status == "" {
			a.Status = accounts.StatusActive
		}
		in := report.Input{Accounts: []accounts.Account{gone, a}, Platforms: f.in.Platforms, Calendar: f.in.Calendar}
		r, err := report.Build(context.Background(), in, baseOptions())
		if err != nil {
			t.Fatal(err)
		}
		flagged := slices.Contains(codesByAccount(r)["闲鱼"], report.CodeGroupMemberActive)
		if flagged != c.flag {
			t.Errorf("case %d (%+v): flagged %v, want %v", i, c.alive, flagged, c.flag)
		}
	}
}

// TestHugeText: a note of the maximum length and a name with characters
// the bundled font lacks still make a PDF (the row is cut to fit a page).
func TestHugeText(t *testing.T) {
	long := strings.Repeat("很长的备注 long note ", 600)
	in := report.Input{Accounts: []accounts.Account{{ID: "x", PlatformID: "custom", Name: "😀 國際 ✓", Notes: long,
		Status: accounts.StatusActive}}}
	opts := baseOptions()
	opts.Unmasked = true
	r, err := report.Build(context.Background(), in, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range report.Formats {
		if out := render(t, r, f); len(out) == 0 {
			t.Errorf("%s: empty", f)
		}
	}
}

// onePlatform is a PlatformInfo with one platform whose real-name track
// has a three-working-day review.
type onePlatform struct{}

func (onePlatform) Name(id, lang string) string { return "测试平台" }
func (onePlatform) Group(id string) string      { return id }
func (onePlatform) Tracks(id string) []report.TrackInfo {
	return []report.TrackInfo{{Kind: accounts.TrackRealNameUnbind, Checklist: []string{"step:0"}, ReviewWorkdays: 3}}
}
func (onePlatform) Blocked(accounts.Account, []accounts.Track) *accounts.BlockedError { return nil }

// TestWeekdayFallback: with no holiday calendar the review window counts
// Monday to Friday, and the report says so.
func TestWeekdayFallback(t *testing.T) {
	sub := at(4, 28, 15)
	in := report.Input{
		Accounts:  []accounts.Account{{ID: "a", PlatformID: "p", Name: "n", Status: accounts.StatusSubmitted}},
		Tracks:    map[string][]accounts.Track{"a": {{Kind: accounts.TrackRealNameUnbind, SubmittedAt: &sub}}},
		Platforms: onePlatform{},
	}
	r, err := report.Build(context.Background(), in, baseOptions())
	if err != nil {
		t.Fatal(err)
	}
	tr := r.Accounts[0].Tracks[0]
	// Tue 28 Apr + 3 weekdays = Fri 1 May; 4–20 May holds 13 weekdays.
	if tr.ReviewDue != "2026-05-01" || tr.OverdueWorkdays != 13 || len(r.Warnings) != 1 {
		t.Errorf("review due %s, overdue %d, warnings %q", tr.ReviewDue, tr.OverdueWorkdays, r.Warnings)
	}
}
