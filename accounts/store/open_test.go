package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// firstSchemaFile makes a database at schema version 1 with one account,
// as the first release wrote it.
func firstSchemaFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrateTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO accounts (id, platform_id, name, status, created_at, updated_at) VALUES ('a1', 'taobao', '老账号', 'active', 1, 1)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

func TestMigrateFromFirstSchemaTakesBackup(t *testing.T) {
	path := firstSchemaFile(t)
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if v, _ := st.SchemaVersion(ctx); v != LatestVersion() || v < 2 {
		t.Fatalf("schema version %d, want %d", v, LatestVersion())
	}
	if a, err := st.Account(ctx, "a1"); err != nil || a.Name != "老账号" {
		t.Fatalf("account lost in migration: %+v %v", a, err)
	}
	if _, err := st.Reminders(ctx, ReminderFilter{}); err != nil {
		t.Errorf("table from migration 2 missing: %v", err)
	}
	backups := Backups(path)
	if len(backups) != 1 || !strings.Contains(backups[0], ".v1-") {
		t.Fatalf("want one v1 backup, got %v", backups)
	}
	if fi, _ := os.Stat(backups[0]); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	b, _ := sql.Open("sqlite", dsn(backups[0], true))
	defer b.Close()
	var v int
	var name string
	b.QueryRow("PRAGMA user_version").Scan(&v)
	b.QueryRow("SELECT name FROM accounts WHERE id = 'a1'").Scan(&name)
	if v != 1 || name != "老账号" {
		t.Errorf("backup holds version %d / %q, want 1 / 老账号", v, name)
	}
	// Opening again migrates nothing and backs up nothing.
	st.Close()
	st2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st2.Close()
	if n := len(Backups(path)); n != 1 {
		t.Errorf("a current file was backed up again: %d backups", n)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestNewerSchemaIsRefusedUntouched(t *testing.T) {
	path := firstSchemaFile(t)
	db, _ := sql.Open("sqlite", dsn(path, false))
	db.Exec("PRAGMA user_version = 99")
	db.Exec("PRAGMA journal_mode = DELETE") // leave a single self-contained file
	db.Close()
	before := fileSum(t, path)
	_, err := Open(path)
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("want ErrNewerSchema, got %v", err)
	}
	if !strings.Contains(err.Error(), "99") || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), "\n") {
		t.Errorf("error should be one line naming the file and version: %v", err)
	}
	if fileSum(t, path) != before {
		t.Error("the newer file was modified")
	}
	if len(Backups(path)) != 0 {
		t.Error("a refused file must not be backed up or migrated")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("refusing created a WAL file")
	}
}

func TestCorruptFileNamesFileAndBackup(t *testing.T) {
	path := firstSchemaFile(t)
	st, err := Open(path) // migrates, so a backup exists
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ { // enough pages that truncation cuts into data
		if _, err := st.db.Exec(`INSERT INTO events (account_id, label, at, kind, note) VALUES ('a1', 'x', ?, 'edited', ?)`, i, strings.Repeat("n", 400)); err != nil {
			t.Fatal(err)
		}
	}
	st.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	st.Close()
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("truncated file: want ErrCorrupt, got %v", err)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), NewestBackup(path)) {
		t.Errorf("error should name the file and the newest backup: %v", err)
	}

	garbage := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(garbage, bytes.Repeat([]byte("not a database "), 100), 0o600)
	if _, err := Open(garbage); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "no backup") {
		t.Errorf("garbage file: want ErrCorrupt saying there is no backup, got %v", err)
	}
}

func TestReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions; the fault suite covers this with a read-only mount")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if _, err := OpenDir(dir); !errors.Is(err, ErrReadOnly) {
		t.Errorf("want ErrReadOnly, got %v", err)
	}
}
