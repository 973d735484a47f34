package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

const eventColumns = "id, account_id, label, at, kind, track, from_value, to_value, note, evidence, restored_from, restored_at"

func scanEvents(rows *sql.Rows) ([]accounts.Event, error) {
	defer rows.Close()
	var out []accounts.Event
	for rows.Next() {
		var e accounts.Event
		var at int64
		var kind, track string
		var restoredAt sql.NullInt64
		if err := rows.Scan(&e.ID, &e.AccountID, &e.Label, &at, &kind, &track, &e.From, &e.To, &e.Note, &e.Evidence,
			&e.RestoredFrom, &restoredAt); err != nil {
			return nil, err
		}
		e.At, e.Kind, e.Track = fromMs(at), accounts.EventKind(kind), accounts.TrackKind(track)
		e.RestoredAt = ptrMs(restoredAt)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Events returns one account's history, oldest first.
func (s *Store) Events(ctx context.Context, accountID string) ([]accounts.Event, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+eventColumns+" FROM events WHERE account_id = ? ORDER BY id", accountID)
	if err != nil {
		return nil, fmt.Errorf("load history of %s: %w", accountID, err)
	}
	return scanEvents(rows)
}

// EventsBetween returns every account's events with from ≤ at < to, oldest
// first; a zero bound is open.
func (s *Store) EventsBetween(ctx context.Context, from, to time.Time) ([]accounts.Event, error) {
	return eventsBetween(ctx, s.db, from, to)
}

func eventsBetween(ctx context.Context, q querier, from, to time.Time) ([]accounts.Event, error) {
	lo, hi := int64(-1<<62), int64(1<<62)
	if !from.IsZero() {
		lo = ms(from)
	}
	if !to.IsZero() {
		hi = ms(to)
	}
	rows, err := q.QueryContext(ctx, "SELECT "+eventColumns+" FROM events WHERE at >= ? AND at < ? ORDER BY at, id", lo, hi)
	if err != nil {
		return nil, fmt.Errorf("load history: %w", err)
	}
	return scanEvents(rows)
}

// DeactivatedAt gives, for every account whose history has a change to
// deactivated, when the last such change happened: one pass over the
// history instead of one query per account.
func (s *Store) DeactivatedAt(ctx context.Context) (map[string]time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT account_id, at FROM events
		WHERE kind = ? AND to_value = ? ORDER BY id`, string(accounts.EventStatus), string(accounts.StatusDeactivated))
	if err != nil {
		return nil, fmt.Errorf("load deactivation dates: %w", err)
	}
	defer rows.Close()
	out := map[string]time.Time{}
	var id string
	var at int64
	for rows.Next() {
		if err := rows.Scan(&id, &at); err != nil {
			return nil, fmt.Errorf("load deactivation dates: %w", err)
		}
		out[id] = fromMs(at)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load deactivation dates: %w", err)
	}
	return out, nil
}
