package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/unbindapp/unbind/accounts"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Times are stored as unix milliseconds (UTC).
func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMs(v int64) time.Time { return time.UnixMilli(v).UTC() }

func nullMs(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMilli(), Valid: true}
}

func ptrMs(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromMs(v.Int64)
	return &t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// querier is a *sql.DB or a *sql.Tx: list queries run on either, so an
// export can read everything from one snapshot.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in one write transaction (BEGIN IMMEDIATE, from the DSN).
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.writeError(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.writeError(err)
	}
	return s.writeError(tx.Commit())
}

// writeError says what to do when a write fails because the disk is full
// (SQLite's own text, "database or disk is full", does not).
func (s *Store) writeError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL {
		return fmt.Errorf("the disk holding %s is full; free some space and try again, nothing was saved (%w)", s.Dir(), err)
	}
	return err
}

// appendEvent writes one history entry inside tx.
func appendEvent(ctx context.Context, tx *sql.Tx, ev accounts.Event) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO events (account_id, label, at, kind, track, from_value, to_value, note, evidence,
		restored_from, restored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ev.AccountID, ev.Label, ms(ev.At), string(ev.Kind), string(ev.Track), ev.From, ev.To, ev.Note, ev.Evidence,
		ev.RestoredFrom, nullMs(ev.RestoredAt))
	if err != nil {
		return fmt.Errorf("append %s event: %w", ev.Kind, err)
	}
	return nil
}

// AppendEvent adds a history entry on its own (e.g. a phone-number check).
func (s *Store) AppendEvent(ctx context.Context, ev accounts.Event) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return appendEvent(ctx, tx, ev) })
}

// exists reports whether the account is in the store, inside tx.
func accountLabel(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM accounts WHERE id = ?", id).Scan(&name)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("account %s: %w", id, accounts.ErrNotFound)
	}
	return name, err
}

// newID returns a fresh random ID for accounts and reminders.
func newID() string { return uuid.NewString() }
