package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"
)

// ChangeMark identifies the state of the database file: two marks read
// from one Store are equal only if no transaction changed the file in
// between, whichever connection or process committed it. Callers keep a
// mark beside what they derived from the data and skip the work while the
// mark stays the same.
type ChangeMark struct {
	conn    uint64 // which watch connection read version (versions of two connections do not compare)
	version int64  // PRAGMA data_version on that connection
}

// changeWatch holds the one connection the marks are read on. SQLite's
// data_version changes on a connection whenever another connection (of
// this process or any other) commits a change; this connection is opened
// read-only apart from the Store's pool and only reads the pragma, so
// every commit of the pool counts too, and the pool keeps all its
// connections. It is held as an *sql.Conn: a pool could swap it for a new
// connection silently, whose count starts afresh.
type changeWatch struct {
	mu   sync.Mutex
	db   *sql.DB
	conn *sql.Conn
	gen  uint64
}

// Changes returns the current ChangeMark. The first call opens the watch
// connection; it stays open until Close.
func (s *Store) Changes(ctx context.Context) (ChangeMark, error) {
	w := &s.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.db == nil {
		db, err := sql.Open("sqlite", dsn(s.path, true))
		if err != nil {
			return ChangeMark{}, fmt.Errorf("store: watch changes: %w", err)
		}
		db.SetMaxOpenConns(1)
		w.db = db
	}
	if w.conn == nil {
		c, err := w.db.Conn(ctx)
		if err != nil {
			return ChangeMark{}, fmt.Errorf("store: watch changes: %w", err)
		}
		w.conn = c
		w.gen++
	}
	var v int64
	if err := w.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		// A fresh connection counts from its own start: the next mark
		// carries a new generation, so it never equals an old one.
		w.conn.Raw(func(any) error { return driver.ErrBadConn }) // not back into the pool
		w.conn.Close()
		w.conn = nil
		return ChangeMark{}, fmt.Errorf("store: watch changes: %w", err)
	}
	return ChangeMark{conn: w.gen, version: v}, nil
}

// closeWatch closes the watch connection before the pool closes, so the
// pool's last connection checkpoints the log as usual.
func (s *Store) closeWatch() {
	w := &s.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil {
		w.conn.Close()
		w.conn = nil
	}
	if w.db != nil {
		w.db.Close()
		w.db = nil
	}
}
