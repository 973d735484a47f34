package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// Tracks loads the account's progress per track (only tracks with any).
func (s *Store) Tracks(ctx context.Context, accountID string) ([]accounts.Track, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, ticket, note, submitted_at, completed_at, cooling_started_at, cooling_until
		FROM tracks WHERE account_id = ? ORDER BY kind`, accountID)
	if err != nil {
		return nil, fmt.Errorf("load tracks of %s: %w", accountID, err)
	}
	var out []accounts.Track
	byKind := map[accounts.TrackKind]int{}
	for rows.Next() {
		var t accounts.Track
		var kind string
		var sub, done, coolStart, coolUntil sql.NullInt64
		if err := rows.Scan(&kind, &t.Ticket, &t.Note, &sub, &done, &coolStart, &coolUntil); err != nil {
			rows.Close()
			return nil, err
		}
		t.AccountID, t.Kind = accountID, accounts.TrackKind(kind)
		t.SubmittedAt, t.CompletedAt = ptrMs(sub), ptrMs(done)
		t.CoolingStartedAt, t.CoolingUntil = ptrMs(coolStart), ptrMs(coolUntil)
		t.Done = map[string]time.Time{}
		byKind[t.Kind] = len(out)
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	steps, err := s.db.QueryContext(ctx, "SELECT kind, key, done_at FROM track_steps WHERE account_id = ?", accountID)
	if err != nil {
		return nil, fmt.Errorf("load steps of %s: %w", accountID, err)
	}
	defer steps.Close()
	for steps.Next() {
		var kind, key string
		var at int64
		if err := steps.Scan(&kind, &key, &at); err != nil {
			return nil, err
		}
		if i, ok := byKind[accounts.TrackKind(kind)]; ok {
			out[i].Done[key] = fromMs(at)
		}
	}
	return out, steps.Err()
}

// AllTracks loads every account's tracks in one pass, keyed by account ID
// (for reminders and reports over the whole inventory).
func (s *Store) AllTracks(ctx context.Context) (map[string][]accounts.Track, error) {
	return allTracks(ctx, s.db)
}

func allTracks(ctx context.Context, q querier) (map[string][]accounts.Track, error) {
	out := map[string][]accounts.Track{}
	rows, err := q.QueryContext(ctx, `SELECT account_id, kind, ticket, note, submitted_at, completed_at,
		cooling_started_at, cooling_until FROM tracks ORDER BY account_id, kind`)
	if err != nil {
		return nil, fmt.Errorf("load tracks: %w", err)
	}
	for rows.Next() {
		var t accounts.Track
		var kind string
		var sub, done, coolStart, coolUntil sql.NullInt64
		if err := rows.Scan(&t.AccountID, &kind, &t.Ticket, &t.Note, &sub, &done, &coolStart, &coolUntil); err != nil {
			rows.Close()
			return nil, err
		}
		t.Kind, t.SubmittedAt, t.CompletedAt = accounts.TrackKind(kind), ptrMs(sub), ptrMs(done)
		t.CoolingStartedAt, t.CoolingUntil = ptrMs(coolStart), ptrMs(coolUntil)
		t.Done = map[string]time.Time{}
		out[t.AccountID] = append(out[t.AccountID], t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	steps, err := q.QueryContext(ctx, "SELECT account_id, kind, key, done_at FROM track_steps")
	if err != nil {
		return nil, fmt.Errorf("load steps: %w", err)
	}
	defer steps.Close()
	for steps.Next() {
		var id, kind, key string
		var at int64
		if err := steps.Scan(&id, &kind, &key, &at); err != nil {
			return nil, err
		}
		for i := range out[id] {
			if out[id][i].Kind == accounts.TrackKind(kind) {
				out[id][i].Done[key] = fromMs(at)
			}
		}
	}
	return out, steps.Err()
}

// SetStep ticks or unticks a checklist item and appends the event; an
// untick records why in the event's From.
func (s *Store) SetStep(ctx context.Context, id string, kind accounts.TrackKind, key string, done bool, why accounts.Correction, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		label, err := accountLabel(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := ensureTrack(ctx, tx, id, kind); err != nil {
			return err
		}
		ev := accounts.Event{AccountID: id, Label: label, At: at, Kind: accounts.EventStep, Track: kind, To: key}
		var res sql.Result
		if done {
			res, err = tx.ExecContext(ctx, "INSERT OR IGNORE INTO track_steps (account_id, kind, key, done_at) VALUES (?, ?, ?, ?)",
				id, string(kind), key, ms(at))
		} else {
			ev.Kind, ev.From = accounts.EventUnstep, string(why)
			res, err = tx.ExecContext(ctx, "DELETE FROM track_steps WHERE account_id = ? AND kind = ? AND key = ?", id, string(kind), key)
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // already so: nothing happened, nothing to record
		}
		if _, err := tx.ExecContext(ctx, "UPDATE accounts SET updated_at = ?, version = version + 1 WHERE id = ?", ms(at), id); err != nil {
			return err
		}
		return appendEvent(ctx, tx, ev)
	})
}

// SetTrackEvidence records a ticket/application number and a note.
func (s *Store) SetTrackEvidence(ctx context.Context, id string, kind accounts.TrackKind, ticket, note string, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		label, err := accountLabel(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := ensureTrack(ctx, tx, id, kind); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE tracks SET ticket = ?, note = ? WHERE account_id = ? AND kind = ?",
			ticket, note, id, string(kind)); err != nil {
			return err
		}
		return appendEvent(ctx, tx, accounts.Event{AccountID: id, Label: label, At: at, Kind: accounts.EventEvidence,
			Track: kind, Note: note, Evidence: ticket})
	})
}
