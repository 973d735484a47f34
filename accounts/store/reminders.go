package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

const reminderColumns = "id, ifnull(account_id, ''), kind, key, title, body, due_at, state, snoozed_until, fired_at, closed_at, created_at"

// reminderColumnsWithoutBody is reminderColumns with an empty body: the
// body is the longest column (hundreds of characters each).
var reminderColumnsWithoutBody = strings.Replace(reminderColumns, " body,", " '',", 1)

// reminderRow is the scan target of one reminders row; a list reuses one
// for all its rows (see accountRow).
type reminderRow struct {
	r                      accounts.Reminder
	kind, state            string
	due, created           int64
	snoozed, fired, closed sql.NullInt64
	dest                   []any
}

func newReminderRow() *reminderRow {
	x := &reminderRow{}
	r := &x.r
	x.dest = []any{&r.ID, &r.AccountID, &x.kind, &r.Key, &r.Title, &r.Body, &x.due, &x.state, &x.snoozed, &x.fired, &x.closed, &x.created}
	return x
}

func (x *reminderRow) scan(row scanner) (accounts.Reminder, error) {
	x.r = accounts.Reminder{}
	err := row.Scan(x.dest...)
	r := x.r
	// The kinds and states are a few constants: keep those, not a copy
	// of the text per row.
	r.Kind, r.State = internKind(x.kind), internState(x.state)
	r.DueAt, r.CreatedAt = fromMs(x.due), fromMs(x.created)
	r.SnoozedUntil, r.FiredAt, r.ClosedAt = ptrMs(x.snoozed), ptrMs(x.fired), ptrMs(x.closed)
	return r, err
}

// The known kinds and states, for interning only: an unknown one is kept
// as read.
var (
	reminderKinds = []accounts.ReminderKind{accounts.ReminderPrerequisite, accounts.ReminderReviewDue,
		accounts.ReminderEscalation, accounts.ReminderPostCheck, accounts.ReminderCoolingOff, accounts.ReminderCoolingEnd,
		accounts.ReminderBackup, accounts.ReminderCustom}
	reminderStates = []accounts.ReminderState{accounts.ReminderPending, accounts.ReminderFired, accounts.ReminderDone,
		accounts.ReminderSnoozed, accounts.ReminderDismissed}
)

func internKind(s string) accounts.ReminderKind {
	for _, k := range reminderKinds {
		if string(k) == s {
			return k
		}
	}
	return accounts.ReminderKind(s)
}

func internState(s string) accounts.ReminderState {
	for _, st := range reminderStates {
		if string(st) == s {
			return st
		}
	}
	return accounts.ReminderState(s)
}

func scanReminder(row scanner) (accounts.Reminder, error) { return newReminderRow().scan(row) }

// scanReminders reads every row of a reminders query and closes it; n is
// the expected count, so the slice is made once.
func scanReminders(rows *sql.Rows, n int) ([]accounts.Reminder, error) {
	defer rows.Close()
	out := make([]accounts.Reminder, 0, n)
	x := newReminderRow()
	for rows.Next() {
		r, err := x.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// ReminderFilter selects reminders; zero fields select everything.
type ReminderFilter struct {
	AccountID string
	OpenOnly  bool      // pending, fired or snoozed
	DueBy     time.Time // due (or snooze over) at or before this time
	// AnyOrder: the caller does not want them soonest first, so SQLite
	// need not sort every row (most of reading 40,000 reminders).
	AnyOrder bool
	// WithoutBody leaves Body empty, for callers that count or date
	// reminders and show titles at most (the start's due counts and
	// deadlines): at 10,000 accounts the bodies are ~10 MB of text.
	WithoutBody bool
}

// Reminders lists reminders matching f, soonest first unless f.AnyOrder.
func (s *Store) Reminders(ctx context.Context, f ReminderFilter) ([]accounts.Reminder, error) {
	return listReminders(ctx, s.db, f)
}

func listReminders(ctx context.Context, db querier, f ReminderFilter) ([]accounts.Reminder, error) {
	var where []string
	var args []any
	if f.AccountID != "" {
		where, args = append(where, "account_id = ?"), append(args, f.AccountID)
	}
	if f.OpenOnly {
		where = append(where, "state IN ('pending', 'fired', 'snoozed')")
	}
	if !f.DueBy.IsZero() {
		where = append(where, "(CASE WHEN state = 'snoozed' THEN snoozed_until ELSE due_at END) <= ?")
		args = append(args, ms(f.DueBy))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM reminders"+cond, args...).Scan(&n); err != nil {
		return nil, fmt.Errorf("list reminders: %w", err)
	}
	order := " ORDER BY due_at, id"
	if f.AnyOrder {
		order = ""
	}
	cols := reminderColumns
	if f.WithoutBody {
		cols = reminderColumnsWithoutBody
	}
	rows, err := db.QueryContext(ctx, "SELECT "+cols+" FROM reminders"+cond+order, args...)
	if err != nil {
		return nil, fmt.Errorf("list reminders: %w", err)
	}
	out, err := scanReminders(rows, n)
	if err != nil {
		return nil, fmt.Errorf("list reminders: %w", err)
	}
	return out, nil
}

// Reminder loads one reminder by ID.
func (s *Store) Reminder(ctx context.Context, id string) (accounts.Reminder, error) {
	r, err := scanReminder(s.db.QueryRowContext(ctx, "SELECT "+reminderColumns+" FROM reminders WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return r, fmt.Errorf("reminder %s: %w", id, accounts.ErrNotFound)
	}
	return r, err
}

// AddReminder inserts a new reminder (custom ones get key custom:<id>).
func (s *Store) AddReminder(ctx context.Context, r accounts.Reminder) (accounts.Reminder, error) {
	if r.ID == "" {
		r.ID = newID()
	}
	if r.Key == "" {
		r.Key = string(r.Kind) + ":" + r.ID
	}
	if r.State == "" {
		r.State = accounts.ReminderPending
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = time.Now().UTC()
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return insertReminder(ctx, tx, r) })
	if err != nil {
		return r, fmt.Errorf("add reminder: %w", err)
	}
	return r, nil
}

func insertReminder(ctx context.Context, tx *sql.Tx, r accounts.Reminder) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO reminders (id, account_id, kind, key, title, body, due_at, state,
		snoozed_until, fired_at, closed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ID, nullString(r.AccountID), string(r.Kind), r.Key, r.Title, r.Body, ms(r.DueAt), string(r.State),
		nullMs(r.SnoozedUntil), nullMs(r.FiredAt), nullMs(r.ClosedAt), ms(r.CreatedAt))
	return err
}

// SyncDerived makes the open rule-made reminders of one account match
// desired, in one transaction: new keys are added, open ones with a known
// key get the new title, body and due time, and open rule-made ones whose
// condition no longer holds (key not in desired) are removed. Closed ones
// (done, dismissed) are never touched, so a reminder never comes back.
func (s *Store) SyncDerived(ctx context.Context, accountID string, desired []accounts.Reminder, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+reminderColumns+" FROM reminders WHERE ifnull(account_id, '') = ? AND kind != ?",
			accountID, string(accounts.ReminderCustom))
		if err != nil {
			return err
		}
		found, err := scanReminders(rows, 0)
		if err != nil {
			return err
		}
		existing := make(map[string]accounts.Reminder, len(found))
		for _, r := range found {
			existing[r.Key] = r
		}
		want := map[string]bool{}
		for _, d := range desired {
			want[d.Key] = true
			old, ok := existing[d.Key]
			switch {
			case !ok:
				d.ID, d.AccountID, d.State, d.CreatedAt = newID(), accountID, accounts.ReminderPending, now
				if err := insertReminder(ctx, tx, d); err != nil {
					return fmt.Errorf("add reminder %s: %w", d.Key, err)
				}
			case old.State.Open() && (old.Title != d.Title || old.Body != d.Body || !old.DueAt.Equal(d.DueAt)):
				if _, err := tx.ExecContext(ctx, "UPDATE reminders SET title = ?, body = ?, due_at = ? WHERE id = ?",
					d.Title, d.Body, ms(d.DueAt), old.ID); err != nil {
					return err
				}
			}
		}
		for key, old := range existing {
			if !want[key] && old.State.Open() {
				if _, err := tx.ExecContext(ctx, "DELETE FROM reminders WHERE id = ?", old.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// SetReminderState moves a reminder through its lifecycle (the table in
// package accounts decides); until is the snooze end for ReminderSnoozed.
func (s *Store) SetReminderState(ctx context.Context, id string, to accounts.ReminderState, at time.Time, until *time.Time) (accounts.Reminder, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := scanReminder(tx.QueryRowContext(ctx, "SELECT "+reminderColumns+" FROM reminders WHERE id = ?", id))
		if err == sql.ErrNoRows {
			return fmt.Errorf("reminder %s: %w", id, accounts.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if err := accounts.CanReminderTransition(r.State, to); err != nil {
			return err
		}
		var closed sql.NullInt64
		var snooze sql.NullInt64
		switch to {
		case accounts.ReminderDone, accounts.ReminderDismissed:
			closed = nullMs(&at)
		case accounts.ReminderSnoozed:
			if until == nil || !until.After(at) {
				return fmt.Errorf("snooze reminder %s: the snooze must end in the future: %w", id, accounts.ErrInvalid)
			}
			snooze = nullMs(until)
		}
		_, err = tx.ExecContext(ctx, "UPDATE reminders SET state = ?, snoozed_until = ?, closed_at = ? WHERE id = ?",
			string(to), snooze, closed, id)
		return err
	})
	if err != nil {
		return accounts.Reminder{}, fmt.Errorf("reminder %s → %s: %w", id, to, err)
	}
	return s.Reminder(ctx, id)
}

// FireDue marks every reminder due at now as fired and returns them, in one
// immediate transaction: two processes running schedulers at once cannot
// both fire the same reminder.
func (s *Store) FireDue(ctx context.Context, now time.Time) ([]accounts.Reminder, error) {
	var fired []accounts.Reminder
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+reminderColumns+` FROM reminders
			WHERE (state = 'pending' AND due_at <= ?) OR (state = 'snoozed' AND snoozed_until <= ?) ORDER BY due_at, id`,
			ms(now), ms(now))
		if err != nil {
			return err
		}
		if fired, err = scanReminders(rows, 0); err != nil {
			return err
		}
		for i := range fired {
			if _, err := tx.ExecContext(ctx, "UPDATE reminders SET state = 'fired', fired_at = ?, snoozed_until = NULL WHERE id = ?",
				ms(now), fired[i].ID); err != nil {
				return err
			}
			t := now
			fired[i].State, fired[i].FiredAt, fired[i].SnoozedUntil = accounts.ReminderFired, &t, nil
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("fire due reminders: %w", err)
	}
	return fired, nil
}

// DeleteReminder removes a reminder (custom ones the person no longer wants).
func (s *Store) DeleteReminder(ctx context.Context, id string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM reminders WHERE id = ?", id)
		return err
	})
}
