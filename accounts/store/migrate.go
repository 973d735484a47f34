package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one embedded SQL file; its number is the user_version it
// brings the database to.
type migration struct {
	version int
	name    string
	sql     string
}

var migrations = loadMigrations()

func loadMigrations() []migration {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, n := range names {
		base := filepath.Base(n)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			panic("store: migration " + base + " does not start with a number")
		}
		body, _ := migrationFS.ReadFile(n)
		ms = append(ms, migration{version: v, name: base, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic(fmt.Sprintf("store: migrations must be numbered 1, 2, … without gaps; %s is #%d", m.name, i+1))
		}
	}
	return ms
}

// latestVersion is the schema version this build writes.
func latestVersion() int { return len(migrations) }

// LatestVersion is exported for tests and diagnostics.
func LatestVersion() int { return latestVersion() }

// migrate applies the pending migrations in one immediate transaction: a
// second process opening the same file at once waits, then finds nothing
// left to do.
func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, latestVersion())
}

func (s *Store) migrateTo(ctx context.Context, target int) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if current > latestVersion() {
		return fmt.Errorf("migrate: schema version %d: %w", current, ErrNewerSchema)
	}
	for _, m := range migrations {
		if m.version <= current || m.version > target {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migrate: apply %s: %w", m.name, err)
		}
		// PRAGMA takes no parameters; the version is our own integer.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			return fmt.Errorf("migrate: set version %d: %w", m.version, err)
		}
	}
	// Mark the file as Unbind's, so a later open can tell it from any other
	// SQLite file before changing a byte (see inspect).
	var app int64
	if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return fmt.Errorf("migrate: read application id: %w", err)
	}
	if app != ApplicationID {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			return fmt.Errorf("migrate: set application id: %w", err)
		}
	}
	return tx.Commit()
}

// SchemaVersion reads the database's current schema version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// Backup writes a consistent copy of the database next to it, named
// unbind.db.<tag>-<UTC time>.bak (mode 0600), and returns its path.
func (s *Store) Backup(tag string) (string, error) {
	name := fmt.Sprintf("%s.%s-%s.bak", filepath.Base(s.path), tag, time.Now().UTC().Format("20060102T150405.000Z"))
	dst := filepath.Join(filepath.Dir(s.path), name)
	// VACUUM INTO takes the path as a value; it refuses to overwrite.
	if _, err := s.db.Exec("VACUUM INTO ?", dst); err != nil {
		return "", fmt.Errorf("store: back up %s before migrating: %w", s.path, err)
	}
	if err := os.Chmod(dst, 0o600); err != nil {
		return "", fmt.Errorf("store: back up %s: %w", s.path, err)
	}
	return dst, nil
}

// Backups lists the backups next to the database file at path, newest first.
func Backups(path string) []string {
	found, _ := filepath.Glob(path + ".*.bak")
	sort.Slice(found, func(i, j int) bool {
		a, _ := os.Stat(found[i])
		b, _ := os.Stat(found[j])
		if a == nil || b == nil {
			return found[i] > found[j]
		}
		return a.ModTime().After(b.ModTime())
	})
	return found
}

// NewestBackup returns the newest backup of the file at path, or "".
func NewestBackup(path string) string {
	if b := Backups(path); len(b) > 0 {
		return b[0]
	}
	return ""
}
