package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Sentinel errors of Open, for errors.Is.
var (
	ErrNewerSchema = errors.New("written by a newer version of Unbind")
	ErrCorrupt     = errors.New("database file is damaged")
	ErrReadOnly    = errors.New("data folder is read-only")
	ErrForeign     = errors.New("not an Unbind database")
)

// ApplicationID marks an Unbind database in its header ("UNBD"); set at
// creation and on the first open by this version.
const ApplicationID = 0x554E4244

// unbindTables are tables every Unbind schema has: a file without the mark
// (written before it existed) is Unbind's only if it has them.
var unbindTables = []string{"accounts", "tracks", "events"}

// Store is an open Unbind database.
type Store struct {
	db    *sql.DB
	path  string
	watch changeWatch // see Changes
}

// busyTimeout is how long a writer waits for another process's write
// transaction before giving up.
const busyTimeout = 10 * time.Second

// dsn carries every pragma, because database/sql pools connections and a
// PRAGMA statement would reach only one of them. _txlock=immediate makes
// BEGIN take the write lock at once, so two writers queue on busy_timeout
// instead of failing with SQLITE_BUSY when a read lock upgrades.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	// 512 KiB of page cache per connection instead of SQLite's 2 MiB: the
	// start reads the inventory once, so a bigger cache holds pages that
	// are never read again (6 MB of peak RSS at 10,000 accounts, with the
	// pool's connections); loading 10,000 accounts is as fast (31 ms).
	q.Add("_pragma", "cache_size(-512)")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_pragma", "foreign_keys(1)")
		// Deleted rows are overwritten with zeros, so a deleted account's
		// phone, login and notes do not linger in free pages.
		q.Add("_pragma", "secure_delete(1)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// OpenDir opens (creating when missing) the database in data folder dir.
func OpenDir(dir string) (*Store, error) { return Open(filepath.Join(dir, FileName)) }

// Open opens the database at path, creating it (mode 0600) when missing and
// migrating it to the current schema. An existing file is inspected read-only
// first: a newer schema or a damaged file is refused without changing a byte,
// and a backup is taken before an older schema is migrated.
func Open(path string) (*Store, error) {
	version, exists, err := inspect(path)
	if err != nil {
		return nil, err
	}
	if !exists {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, openError(path, err)
		}
		f.Close()
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	s := &Store{db: db, path: path}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	if version > 0 && version < latestVersion() {
		if _, err := s.Backup(fmt.Sprintf("v%d", version)); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	return s, nil
}

// inspect reads the schema version of an existing file without changing it,
// and checks that it is an intact SQLite database.
func inspect(path string) (version int, exists bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, openError(path, err)
	}
	header := make([]byte, 100)
	n, rerr := io.ReadFull(f, header)
	fi, serr := f.Stat()
	f.Close()
	if n == 0 && rerr == io.EOF {
		return 0, true, nil // an empty file is an empty database
	}
	if n < 100 || !bytes.Equal(header[:16], []byte("SQLite format 3\x00")) {
		return 0, true, corruptError(path, errors.New("not an SQLite database"))
	}
	if serr == nil && !walHasFrames(path) && truncated(header, fi.Size()) {
		return 0, true, corruptError(path, errors.New("the file is shorter than its header says: it was cut off"))
	}
	app := uint32(header[68])<<24 | uint32(header[69])<<16 | uint32(header[70])<<8 | uint32(header[71])
	if app != 0 && app != ApplicationID {
		return 0, true, foreignError(path)
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return 0, true, fmt.Errorf("store: open %s: %w", path, err)
	}
	defer db.Close()
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, true, classify(path, err)
	}
	if version > latestVersion() {
		return version, true, fmt.Errorf("store: %s has schema version %d but this Unbind knows only up to %d: it was %w; install the newer Unbind (the file was left unchanged)",
			path, version, latestVersion(), ErrNewerSchema)
	}
	// Reading the schema touches the first pages; damage deeper in the
	// file surfaces as ErrCorrupt when it is read (see classify).
	var tables, ours int
	if err := db.QueryRow("SELECT count(*), count(CASE WHEN type = 'table' AND name IN ('accounts', 'tracks', 'events') THEN 1 END) FROM sqlite_schema").Scan(&tables, &ours); err != nil {
		return version, true, classify(path, err)
	}
	if app == 0 && tables > 0 && (version == 0 || ours < len(unbindTables)) {
		return version, true, foreignError(path)
	}
	return version, true, nil
}

func foreignError(path string) error {
	return fmt.Errorf("store: %s is an SQLite file, but %w; it was left unchanged: choose another data folder with --data-dir, or move the file away", path, ErrForeign)
}

// walHasFrames reports whether the database's write-ahead log holds data.
// Then the main file may legitimately be shorter than its header says: a
// checkpoint writes page 1 before the pages that extend the file, and if it
// is interrupted, SQLite finishes it from the log at the next open.
func walHasFrames(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err == nil && fi.Size() > 0
}

// truncated reports whether a database file is shorter than the page count
// its header records. The count is trusted only when the header says it is
// current (offset 92 equals the change counter at 24), as SQLite does. This
// replaces a full quick_check at every start, which costs time in
// proportion to the file.
func truncated(h []byte, size int64) bool {
	be32 := func(o int) uint32 { return uint32(h[o])<<24 | uint32(h[o+1])<<16 | uint32(h[o+2])<<8 | uint32(h[o+3]) }
	pageSize := int64(h[16])<<8 | int64(h[17])
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(be32(28))
	if pages == 0 || be32(92) != be32(24) {
		return false
	}
	return size < pages*pageSize
}

// classify turns SQLite's corruption codes into ErrCorrupt.
func classify(path string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return corruptError(path, err)
		}
	}
	return openError(path, err)
}

func corruptError(path string, cause error) error {
	advice := "no backup was found next to it; move it away to start with an empty inventory"
	if b := NewestBackup(path); b != "" {
		advice = fmt.Sprintf("newest backup: %s; quit Unbind, move the damaged file away and copy the backup to %s", b, filepath.Base(path))
	}
	return fmt.Errorf("store: %s: %w (%v); %s", path, ErrCorrupt, cause, advice)
}

func openError(path string, err error) error {
	msg := err.Error()
	readOnly := func() error {
		return fmt.Errorf("store: open %s: %w (%v); choose a writable data folder with --data-dir or fix its permissions", path, ErrReadOnly, err)
	}
	full := func() error {
		return fmt.Errorf("store: open %s: the disk holding %s is full; free some space and try again (nothing was changed)", path, filepath.Dir(path))
	}
	if errors.Is(err, os.ErrPermission) || strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only") {
		return readOnly()
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return full()
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR:
			// SQLite does not say why; usually the folder is the cause: the
			// -wal and -shm files cannot be made on a read-only mount or a
			// full disk ("unable to open database file", "disk I/O error").
			switch probeFolder(filepath.Dir(path)) {
			case syscall.EROFS, syscall.EACCES, syscall.EPERM:
				return readOnly()
			case syscall.ENOSPC:
				return full()
			}
		}
	}
	return fmt.Errorf("store: open %s: %w", path, err)
}

// probeFolder writes and removes a small file in dir (as large as SQLite's
// -shm file) and returns the errno that stopped it, or 0.
func probeFolder(dir string) syscall.Errno {
	errno := func(err error) syscall.Errno {
		var e syscall.Errno
		if errors.As(err, &e) {
			return e
		}
		return 0
	}
	f, err := os.CreateTemp(dir, ".unbind-probe-*")
	if err != nil {
		return errno(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if _, err := f.Write(make([]byte, 64<<10)); err != nil {
		return errno(err)
	}
	return errno(f.Sync())
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Dir is the data folder holding the database.
func (s *Store) Dir() string { return filepath.Dir(s.path) }

// Close checkpoints and closes the database.
func (s *Store) Close() error {
	s.closeWatch()
	return s.db.Close()
}

// DB exposes the handle for sibling packages' tests and integrity checks.
func (s *Store) DB() *sql.DB { return s.db }
