package store

import (
	"context"
	"database/sql"
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
// this process or any other) commits a change; this connection only reads
// the pragma and never writes, so every commit of the Store's own pool
// counts too.
type changeWatch struct {
	mu   sync.Mutex
	conn *sql.Conn
	gen  uint64
}

// Changes returns the current ChangeMark. It holds one of the pool's
// connections for the Store's lifetime (opened at the first call).
func (s *Store) Changes(ctx context.Context) (ChangeMark, error) {
	w := &s.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		c, err := s.db.Conn(ctx)
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
		w.conn.Close()
		w.conn = nil
		return ChangeMark{}, fmt.Errorf("store: watch changes: %w", err)
	}
	return ChangeMark{conn: w.gen, version: v}, nil
}

// closeWatch gives the watch connection back before the pool closes, so
// the last connection to close checkpoints the log as usual.
func (s *Store) closeWatch() {
	w := &s.watch
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil {
		w.conn.Close()
		w.conn = nil
	}
}
