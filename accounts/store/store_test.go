package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

var ctx = context.Background()

func openTemp(t testing.TB) (*Store, *accounts.Service) {
	t.Helper()
	st, err := OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, accounts.NewService(st, nil)
}

func TestRoundTripOnDisk(t *testing.T) {
	dir := t.TempDir()
	st, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	svc := accounts.NewService(st, nil)
	a, err := svc.Add(ctx, accounts.Account{PlatformID: "taobao", Name: "淘宝主号", Login: "taobao_user", Phone: "13812345678",
		Email: "me@example.com", RealName: true, Seller: true, ThirdParty: []accounts.ThirdParty{"alipay", "wechat"}, Notes: "主力账号"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.TickStep(ctx, a.ID, accounts.TrackAccountDelete, accounts.PrereqKey("backup_orders"), true); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetEvidence(ctx, a.ID, accounts.TrackAccountDelete, "TK-2026-001", "客服工单"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ChangeStatus(ctx, a.ID, accounts.StatusSubmitted, accounts.StatusChange{Track: accounts.TrackAccountDelete, Evidence: "APP-77"}); err != nil {
		t.Fatal(err)
	}
	backupAt := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	if err := svc.RecordBackup(ctx, a.ID, backupAt, "orders exported"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	st, err = OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Account(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "淘宝主号" || got.Phone != "13812345678" || !got.RealName || !got.Seller || got.Notes != "主力账号" ||
		len(got.ThirdParty) != 2 || got.Status != accounts.StatusSubmitted || got.LastBackupAt == nil || !got.LastBackupAt.Equal(backupAt) {
		t.Errorf("reloaded account differs: %+v", got)
	}
	tracks, err := st.Tracks(ctx, a.ID)
	if err != nil || len(tracks) != 1 {
		t.Fatalf("tracks = %v, %v", tracks, err)
	}
	tr := tracks[0]
	if !tr.IsDone(accounts.PrereqKey("backup_orders")) || tr.Ticket != "APP-77" || tr.Note != "客服工单" || tr.SubmittedAt == nil {
		t.Errorf("track differs: %+v", tr)
	}
	ev, err := st.Events(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	kinds := []accounts.EventKind{}
	for _, e := range ev {
		kinds = append(kinds, e.Kind)
	}
	want := []accounts.EventKind{accounts.EventCreated, accounts.EventStep, accounts.EventStatus, accounts.EventEvidence, accounts.EventStatus, accounts.EventBackup}
	if len(kinds) != len(want) {
		t.Fatalf("history kinds = %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("history kinds = %v, want %v", kinds, want)
		}
	}
	if ev[2].From != "active" || ev[2].To != "preparing" || ev[4].From != "preparing" || ev[4].To != "submitted" || ev[4].Evidence != "APP-77" {
		t.Errorf("status events wrong: %+v / %+v", ev[2], ev[4])
	}
}

func TestPermissions(t *testing.T) {
	base := t.TempDir()
	dir, err := ResolveDataDir(filepath.Join(base, "Unbind"))
	if err != nil {
		t.Fatal(err)
	}
	st, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode %v, want 0700", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(filepath.Join(dir, FileName)); fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", fi.Mode().Perm())
	}
	t.Setenv(DataDirEnv, filepath.Join(base, "from-env"))
	if got, _ := ResolveDataDir(""); got != filepath.Join(base, "from-env") {
		t.Errorf("UNBIND_DATA_DIR not honoured: %s", got)
	}
	if got, _ := ResolveDataDir(filepath.Join(base, "flag")); got != filepath.Join(base, "flag") {
		t.Errorf("flag should win over the environment: %s", got)
	}
}

func TestHistoryIsAppendOnly(t *testing.T) {
	st, svc := openTemp(t)
	a, err := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.Exec("UPDATE events SET note = 'rewritten'"); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("UPDATE of history should fail, got %v", err)
	}
	if _, err := st.db.Exec("DELETE FROM events"); err == nil {
		t.Error("DELETE of history should fail")
	}
	if err := svc.Delete(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	ev, _ := st.Events(ctx, a.ID)
	if len(ev) != 2 || ev[1].Kind != accounts.EventDeleted || ev[1].Label != "京东" {
		t.Errorf("history after delete = %+v, want created + deleted", ev)
	}
}

func TestIllegalTransitionKeepsState(t *testing.T) {
	st, svc := openTemp(t)
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "pinduoduo", Name: "拼多多"})
	_, err := svc.ChangeStatus(ctx, a.ID, accounts.StatusDeactivated, accounts.StatusChange{})
	if !errors.Is(err, accounts.ErrIllegalTransition) {
		t.Fatalf("want ErrIllegalTransition, got %v", err)
	}
	got, _ := st.Account(ctx, a.ID)
	ev, _ := st.Events(ctx, a.ID)
	if got.Status != accounts.StatusActive || len(ev) != 1 {
		t.Errorf("a refused change must change nothing: status %s, %d events", got.Status, len(ev))
	}
	if _, err := svc.ChangeStatus(ctx, "no-such-id", accounts.StatusKept, accounts.StatusChange{}); !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("unknown account: want ErrNotFound, got %v", err)
	}
}

func TestStaleUpdateConflicts(t *testing.T) {
	_, svc := openTemp(t)
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	first := a
	first.Name = "京东 A"
	if _, err := svc.Update(ctx, first); err != nil {
		t.Fatal(err)
	}
	stale := a
	stale.Name = "京东 B"
	if _, err := svc.Update(ctx, stale); !errors.Is(err, accounts.ErrConflict) {
		t.Errorf("stale update: want ErrConflict, got %v", err)
	}
}

func TestRemindersFireOnce(t *testing.T) {
	st, svc := openTemp(t)
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	desired := []accounts.Reminder{
		{Kind: accounts.ReminderReviewDue, Key: "review_due:account_delete", Title: "审核到期", DueAt: now.Add(-time.Hour)},
		{Kind: accounts.ReminderPrerequisite, Key: "prereq:backup_orders", Title: "备份订单", DueAt: now.Add(time.Hour)},
	}
	if err := st.SyncDerived(ctx, a.ID, desired, now); err != nil {
		t.Fatal(err)
	}
	if err := st.SyncDerived(ctx, a.ID, desired, now); err != nil { // again: no duplicates
		t.Fatal(err)
	}
	all, _ := st.Reminders(ctx, ReminderFilter{AccountID: a.ID})
	if len(all) != 2 {
		t.Fatalf("want 2 reminders after syncing twice, got %d", len(all))
	}
	fired, err := st.FireDue(ctx, now)
	if err != nil || len(fired) != 1 || fired[0].Key != "review_due:account_delete" {
		t.Fatalf("first FireDue = %+v, %v", fired, err)
	}
	if again, _ := st.FireDue(ctx, now.Add(time.Minute)); len(again) != 0 {
		t.Errorf("a fired reminder fired again: %+v", again)
	}
	until := now.Add(2 * time.Hour)
	if _, err := st.SetReminderState(ctx, fired[0].ID, accounts.ReminderSnoozed, now, &until); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.FireDue(ctx, now.Add(3*time.Hour)); len(got) != 2 {
		t.Errorf("after the snooze both should fire (snoozed + newly due), got %d", len(got))
	}
	if _, err := st.SetReminderState(ctx, fired[0].ID, accounts.ReminderDone, now, nil); err != nil {
		t.Fatal(err)
	}
	// The condition went away for the prerequisite: it disappears; the done one stays.
	if err := st.SyncDerived(ctx, a.ID, desired[:1], now); err != nil {
		t.Fatal(err)
	}
	all, _ = st.Reminders(ctx, ReminderFilter{AccountID: a.ID})
	if len(all) != 1 || all[0].State != accounts.ReminderDone {
		t.Errorf("after sync: %+v", all)
	}
	if _, err := st.SetReminderState(ctx, all[0].ID, accounts.ReminderFired, now, nil); !errors.Is(err, accounts.ErrIllegalTransition) {
		t.Errorf("done → fired must be refused, got %v", err)
	}
}

// The store's due filter and Reminder.OpenAndDue are one rule in two
// languages (SQL for the list of one account, Go over a loaded inventory):
// they pick the same reminders in every state, on both sides of now.
func TestDueFilterIsOpenAndDue(t *testing.T) {
	st, svc := openTemp(t)
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	states := []accounts.ReminderState{accounts.ReminderPending, accounts.ReminderFired, accounts.ReminderSnoozed,
		accounts.ReminderDone, accounts.ReminderDismissed}
	offsets := []time.Duration{-time.Hour, 0, time.Hour}
	for _, state := range states {
		for _, due := range offsets {
			for _, snooze := range offsets {
				r := accounts.Reminder{AccountID: a.ID, Kind: accounts.ReminderCustom, Title: "t", DueAt: now.Add(due), State: state}
				if state == accounts.ReminderSnoozed {
					until := now.Add(snooze)
					r.SnoozedUntil = &until
				} else if snooze != 0 {
					continue
				}
				if _, err := st.AddReminder(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	all, err := st.Reminders(ctx, ReminderFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, r := range all {
		if r.OpenAndDue(now) {
			want[r.ID] = true
		}
	}
	got, err := st.Reminders(ctx, ReminderFilter{AccountID: a.ID, OpenOnly: true, DueBy: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(want) < 5 || len(want) == len(all) {
		t.Errorf("store picks %d, OpenAndDue %d of %d", len(got), len(want), len(all))
	}
	for _, r := range got {
		if !want[r.ID] {
			t.Errorf("store picks %s %v due %v snoozed %v; OpenAndDue does not", r.State, r.ID, r.DueAt, r.SnoozedUntil)
		}
	}
}

// Every connection of the pool gets the DSN's pragmas, the page cache size
// among them (it bounds the memory each connection keeps).
func TestConnectionsGetTheirPragmas(t *testing.T) {
	st, _ := openTemp(t)
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		c, err := st.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	for i, c := range conns {
		var cache, fk int
		var journal string
		if err := c.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
			t.Fatal(err)
		}
		c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk)
		c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&journal)
		if cache != -512 || fk != 1 || journal != "wal" {
			t.Errorf("connection %d: cache_size %d, foreign_keys %d, journal_mode %s", i, cache, fk, journal)
		}
	}
}

// WithoutBody reads the same reminders in the same order, bodies empty;
// AnyOrder the same set.
func TestReminderFilterWithoutBodyAndAnyOrder(t *testing.T) {
	st, svc := openTemp(t)
	a, _ := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "京东"})
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	for i := range 5 {
		r := accounts.Reminder{AccountID: a.ID, Kind: accounts.ReminderCustom, Title: "t", Body: strings.Repeat("正文", i+1), DueAt: now.Add(time.Duration(5-i) * time.Hour)}
		if _, err := st.AddReminder(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	full, _ := st.Reminders(ctx, ReminderFilter{})
	bare, err := st.Reminders(ctx, ReminderFilter{WithoutBody: true})
	if err != nil || len(bare) != len(full) || len(full) != 5 {
		t.Fatalf("%d without body, %d with, %v", len(bare), len(full), err)
	}
	for i := range full {
		if full[i].Body == "" || bare[i].Body != "" {
			t.Errorf("body %q with, %q without", full[i].Body, bare[i].Body)
		}
		bare[i].Body = full[i].Body
		if !reflect.DeepEqual(bare[i], full[i]) {
			t.Errorf("without body %+v, with %+v", bare[i], full[i])
		}
	}
	loose, _ := st.Reminders(ctx, ReminderFilter{AnyOrder: true})
	ids := func(rs []accounts.Reminder) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		slices.Sort(out)
		return out
	}
	if !slices.Equal(ids(loose), ids(full)) {
		t.Errorf("AnyOrder read %v, want %v", ids(loose), ids(full))
	}
}
