package store

import (
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// TestMigrateFromSchema3KeepsTracks opens a data folder of the release
// before cooling-offs: its submitted track, ticks and history survive, the
// new columns are empty, and a backup of the old file is taken.
func TestMigrateFromSchema3KeepsTracks(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db, path: path}
	if err := old.migrateTo(ctx, 3); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO accounts (id, platform_id, name, status, created_at, updated_at) VALUES ('a1', 'jd', '京东主号', 'submitted', 1, 2)`,
		`INSERT INTO tracks (account_id, kind, ticket, submitted_at) VALUES ('a1', 'account_delete', 'T-1', 1000)`,
		`INSERT INTO track_steps (account_id, kind, key, done_at) VALUES ('a1', 'account_delete', 'step:0', 900)`,
		`INSERT INTO events (account_id, label, at, kind, from_value, to_value) VALUES ('a1', '京东主号', 1000, 'status', 'preparing', 'submitted')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != LatestVersion() {
		t.Fatalf("schema %d, want %d", v, LatestVersion())
	}
	backups := Backups(path)
	if len(backups) != 1 || !strings.Contains(backups[0], ".v3-") {
		t.Fatalf("want one v3 backup, got %v", backups)
	}
	tracks, err := st.Tracks(ctx, "a1")
	if err != nil || len(tracks) != 1 {
		t.Fatalf("tracks %v %v", tracks, err)
	}
	tr := tracks[0]
	if tr.Ticket != "T-1" || tr.SubmittedAt == nil || tr.SubmittedAt.UnixMilli() != 1000 || !tr.IsDone("step:0") {
		t.Errorf("track changed in migration: %+v", tr)
	}
	if tr.CoolingStartedAt != nil || tr.CoolingUntil != nil {
		t.Errorf("migrated track has a cooling-off: %+v", tr)
	}
	if ev, _ := st.Events(ctx, "a1"); len(ev) != 1 {
		t.Errorf("history changed: %v", ev)
	}
}

// TestCoolingOffLifecycle runs a track with a cooling-off through submit,
// cooling-off and deactivation, and one without through submit and
// deactivation, checking the dates the store keeps and the history.
func TestCoolingOffLifecycle(t *testing.T) {
	st, svc := openTemp(t)
	day := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	svc.Now = func() time.Time { return day }
	a, err := svc.Add(ctx, accounts.Account{PlatformID: "douyin", Name: "抖音", Status: accounts.StatusPreparing})
	if err != nil {
		t.Fatal(err)
	}
	del := accounts.TrackAccountDelete
	if _, err := svc.ChangeStatus(ctx, a.ID, accounts.StatusSubmitted, accounts.StatusChange{Track: del}); err != nil {
		t.Fatal(err)
	}
	// A cooling-off without its last day is refused and changes nothing.
	_, err = svc.ChangeStatus(ctx, a.ID, accounts.StatusCoolingOff, accounts.StatusChange{Track: del})
	if !errors.Is(err, accounts.ErrInvalid) {
		t.Fatalf("cooling-off without end: %v", err)
	}
	until := day.AddDate(0, 0, 30)
	if _, err := svc.ChangeStatus(ctx, a.ID, accounts.StatusCoolingOff, accounts.StatusChange{Track: del, CoolingUntil: &until}); err != nil {
		t.Fatal(err)
	}
	tr := accounts.FindTrack(mustTracks(t, st, a.ID), del)
	if tr.CoolingStartedAt == nil || !tr.CoolingUntil.Equal(until) || tr.SubmittedAt == nil || tr.CompletedAt != nil {
		t.Fatalf("cooling-off dates: %+v", tr)
	}
	if !tr.InCoolingOff(day.AddDate(0, 0, 10)) || tr.InCoolingOff(day.AddDate(0, 0, 32)) {
		t.Error("InCoolingOff does not follow the last day")
	}
	svc.Now = func() time.Time { return until.AddDate(0, 0, 1) }
	if _, err := svc.ChangeStatus(ctx, a.ID, accounts.StatusDeactivated, accounts.StatusChange{Track: del}); err != nil {
		t.Fatal(err)
	}
	tr = accounts.FindTrack(mustTracks(t, st, a.ID), del)
	if tr.CompletedAt == nil || tr.CoolingUntil == nil {
		t.Fatalf("deactivation lost the cooling-off or the end: %+v", tr)
	}
	ev, _ := st.Events(ctx, a.ID)
	var path []string
	for _, e := range ev {
		if e.Kind == accounts.EventStatus {
			path = append(path, e.To)
		}
	}
	if got := strings.Join(path, ">"); got != "submitted>cooling_off>deactivated" {
		t.Errorf("history %s", got)
	}

	// Without a cooling-off the request goes straight to deactivated.
	b, _ := svc.Add(ctx, accounts.Account{PlatformID: "pinduoduo", Name: "拼多多", Status: accounts.StatusPreparing})
	for _, to := range []accounts.Status{accounts.StatusSubmitted, accounts.StatusDeactivated} {
		if _, err := svc.ChangeStatus(ctx, b.ID, to, accounts.StatusChange{Track: del}); err != nil {
			t.Fatal(err)
		}
	}
	if tr := accounts.FindTrack(mustTracks(t, st, b.ID), del); tr.CompletedAt == nil || tr.CoolingStartedAt != nil {
		t.Errorf("plain deactivation: %+v", tr)
	}
}

func mustTracks(t *testing.T, st *Store, id string) []accounts.Track {
	t.Helper()
	tr, err := st.Tracks(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}
