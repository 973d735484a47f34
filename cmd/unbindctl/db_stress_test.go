package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// stressDB is what the database file itself says, read with modernc's
// SQLite directly rather than through the store, so a store bug cannot hide
// a broken file.
type stressDB struct {
	integrity string
	accounts  int
	status    map[string]accounts.Status // by account ID
	version   map[string]int
	// events counts history entries by kind, and by kind and note.
	events       map[accounts.EventKind]int
	eventsByNote map[string]int // "kind\x00note"
	// problems are broken invariants: a version that does not match the
	// history, a status that is not the last status entry's, an account
	// without its creation entry.
	problems []string
}

// stressReadDB opens the file read-write (so a crashed writer's WAL is recovered,
// as the next Unbind would) and checks it.
func stressReadDB(path string) (*stressDB, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(20000)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	ctx := context.Background()
	s := &stressDB{status: map[string]accounts.Status{}, version: map[string]int{},
		events: map[accounts.EventKind]int{}, eventsByNote: map[string]int{}}
	// One read transaction: a consistent snapshot even while others write.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.Query("PRAGMA integrity_check")
	if err != nil {
		return nil, fmt.Errorf("integrity_check: %w", err)
	}
	var lines []string
	for rows.Next() {
		var l string
		rows.Scan(&l)
		lines = append(lines, l)
	}
	rows.Close()
	s.integrity = strings.Join(lines, "; ")

	rows, err = tx.Query("SELECT id, status, version FROM accounts")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, st string
		var v int
		if err := rows.Scan(&id, &st, &v); err != nil {
			rows.Close()
			return nil, err
		}
		s.status[id], s.version[id] = accounts.Status(st), v
	}
	rows.Close()
	s.accounts = len(s.status)

	// Per account: entries that bump the version, the last status entry,
	// and whether it has its creation entry.
	bumps := map[string]int{}
	last := map[string]string{}
	created := map[string]int{}
	rows, err = tx.Query("SELECT account_id, kind, to_value, note FROM events ORDER BY id")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, kind, to, note string
		if err := rows.Scan(&id, &kind, &to, &note); err != nil {
			rows.Close()
			return nil, err
		}
		k := accounts.EventKind(kind)
		s.events[k]++
		s.eventsByNote[kind+"\x00"+note]++
		merged := k == accounts.EventImported && strings.HasSuffix(note, " (merged)")
		switch {
		case k == accounts.EventStatus || k == accounts.EventStep || k == accounts.EventUnstep ||
			k == accounts.EventEdited || k == accounts.EventBackup || merged:
			bumps[id]++
		}
		if k == accounts.EventStatus || ((k == accounts.EventCreated || k == accounts.EventImported) && !merged) {
			last[id] = to
		}
		if (k == accounts.EventCreated || k == accounts.EventImported) && !merged {
			created[id]++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(s.status))
	for id := range s.status {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if created[id] != 1 {
			s.problems = append(s.problems, fmt.Sprintf("account %s has %d creation entries, want 1", id, created[id]))
		}
		if want := 1 + bumps[id]; s.version[id] != want {
			s.problems = append(s.problems, fmt.Sprintf("account %s: version %d, but its history says %d", id, s.version[id], want))
		}
		if last[id] != string(s.status[id]) {
			s.problems = append(s.problems, fmt.Sprintf("account %s: status %s, but its last status entry says %q", id, s.status[id], last[id]))
		}
		if len(s.problems) > 10 {
			s.problems = append(s.problems, "…")
			break
		}
	}
	return s, nil
}

// check returns an error when the file is damaged or inconsistent.
func (s *stressDB) check() error {
	if s.integrity != "ok" {
		return fmt.Errorf("PRAGMA integrity_check: %s", s.integrity)
	}
	if len(s.problems) > 0 {
		return fmt.Errorf("inconsistent: %s", strings.Join(s.problems, "; "))
	}
	return nil
}

// stressMedian of durations (0 for none).
func stressMedian(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// stressFingerprint hashes every row of the inventory's tables, so "unchanged"
// means unchanged in content whatever SQLite did to the file's pages.
func stressFingerprint(t *testing.T, path string) [32]byte {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(20000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := sha256.New()
	for _, table := range []string{"accounts", "secret_fields", "tracks", "track_steps", "events", "reminders", "settings"} {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY 1, 2")
		if err != nil {
			t.Fatalf("fingerprint %s: %v", table, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}
