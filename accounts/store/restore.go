package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// RestoreResult counts what a restore did.
type RestoreResult struct {
	Added          int `json:"accounts_added"`
	Merged         int `json:"accounts_merged"`
	Unchanged      int `json:"accounts_unchanged"`
	EventsAdded    int `json:"events_added"`
	RemindersAdded int `json:"reminders_added"`
	EvidenceAdded  int `json:"evidence_files_added"`
}

type eventSig struct {
	account, kind, track, from, to, note, evidence string
	at                                             int64
}

func sigOf(e accounts.Event) eventSig {
	return eventSig{e.AccountID, string(e.Kind), string(e.Track), e.From, e.To, e.Note, e.Evidence, ms(e.At)}
}

// RestoreInventory merges a backup into this store in one transaction, with
// the import rules: an account already here (same ID, or same platform and
// login) is merged, never duplicated; history entries and reminders already
// here are not added again, so restoring the same backup twice changes
// nothing. Settings already set here are kept.
func (s *Store) RestoreInventory(ctx context.Context, inv Inventory, source string, now time.Time) (RestoreResult, error) {
	if inv.Schema != InventorySchema {
		return RestoreResult{}, fmt.Errorf("restore: not an Unbind inventory backup (schema %q, want %q)", inv.Schema, InventorySchema)
	}
	var res RestoreResult
	// Evidence content goes into evidence/ first (content-addressed, so a
	// file already there is left alone); if the transaction fails, what
	// this restore created is removed again: all or nothing.
	if err := blobsCoverFiles(inv); err != nil {
		return RestoreResult{}, fmt.Errorf("restore: %w (nothing was written)", err)
	}
	created, err := s.writeBlobs(inv.EvidenceBlobs)
	if err != nil {
		return RestoreResult{}, fmt.Errorf("restore: %w (nothing was written)", err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res = RestoreResult{}
		ids, err := restoreAccounts(ctx, tx, inv.Accounts, source, now, &res)
		if err != nil {
			return err
		}
		if res.EventsAdded, err = restoreEvents(ctx, tx, inv.Events, ids, source, now); err != nil {
			return err
		}
		if res.RemindersAdded, err = restoreReminders(ctx, tx, inv.Reminders, ids); err != nil {
			return err
		}
		if res.EvidenceAdded, err = restoreEvidence(ctx, tx, inv.EvidenceFiles, ids); err != nil {
			return err
		}
		for _, c := range inv.PhoneChecks {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO phone_checks (id, phone, checked_at, counts) VALUES (?, ?, ?, ?)",
				c.ID, accounts.PhoneDigits(c.Phone), ms(c.CheckedAt), summariseJSON(c.Counts)); err != nil {
				return err
			}
		}
		for k, v := range inv.Settings {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.dropBlobs(created)
		return RestoreResult{}, fmt.Errorf("restore: %w (nothing was written)", err)
	}
	return res, nil
}

// restoreAccounts returns the map from backup account IDs to the IDs here.
func restoreAccounts(ctx context.Context, tx *sql.Tx, in []InventoryAccount, source string, now time.Time, res *RestoreResult) (map[string]string, error) {
	byKey, err := mergeIndex(ctx, tx)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	for i, ia := range in {
		a := ia.Account
		a.Normalise()
		if err := a.Validate(); err != nil {
			return nil, fmt.Errorf("account %d (%s): %w", i+1, a.ID, err)
		}
		if a.ID == "" {
			return nil, fmt.Errorf("account %d (%s): has no id", i+1, a.Name)
		}
		target := ""
		if _, err := accountLabel(ctx, tx, a.ID); err == nil {
			target = a.ID
		} else if key := MergeKey(a); key != "" {
			target = byKey[key]
		}
		if target != "" {
			changed, err := mergeInto(ctx, tx, target, a, source, now)
			if err != nil {
				return nil, err
			}
			if changed {
				res.Merged++
			} else {
				res.Unchanged++
			}
		} else {
			target = a.ID
			a.SecretFields = nil // the values are in another keyring
			if err := insertAccount(ctx, tx, a); err != nil {
				return nil, err
			}
			if err := appendEvent(ctx, tx, accounts.Event{AccountID: a.ID, Label: a.Name, At: now,
				Kind: accounts.EventImported, To: string(a.Status), Note: source}); err != nil {
				return nil, err
			}
			if key := MergeKey(a); key != "" {
				byKey[key] = a.ID
			}
			res.Added++
		}
		ids[a.ID] = target
		if a.LastBackupAt != nil {
			if _, err := tx.ExecContext(ctx, "UPDATE accounts SET last_backup_at = max(ifnull(last_backup_at, 0), ?) WHERE id = ?",
				ms(*a.LastBackupAt), target); err != nil {
				return nil, err
			}
		}
		if err := restoreTracks(ctx, tx, target, ia.Tracks); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func restoreTracks(ctx context.Context, tx *sql.Tx, id string, tracks []accounts.Track) error {
	for _, t := range tracks {
		if !t.Kind.Valid() {
			return fmt.Errorf("account %s: unknown track %q", id, t.Kind)
		}
		if err := ensureTrack(ctx, tx, id, t.Kind); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tracks SET
			ticket = CASE WHEN ticket = '' THEN ? ELSE ticket END,
			note = CASE WHEN note = '' THEN ? ELSE note END,
			submitted_at = ifnull(submitted_at, ?), completed_at = ifnull(completed_at, ?),
			cooling_started_at = ifnull(cooling_started_at, ?), cooling_until = ifnull(cooling_until, ?)
			WHERE account_id = ? AND kind = ?`,
			t.Ticket, t.Note, nullMs(t.SubmittedAt), nullMs(t.CompletedAt),
			nullMs(t.CoolingStartedAt), nullMs(t.CoolingUntil), id, string(t.Kind)); err != nil {
			return err
		}
		for key, at := range t.Done {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO track_steps (account_id, kind, key, done_at) VALUES (?, ?, ?, ?)",
				id, string(t.Kind), key, ms(at)); err != nil {
				return err
			}
		}
	}
	return nil
}

func restoreEvents(ctx context.Context, tx *sql.Tx, events []accounts.Event, ids map[string]string, source string, now time.Time) (int, error) {
	have := map[eventSig]bool{}
	existing, err := eventsBetween(ctx, tx, time.Time{}, time.Time{})
	if err != nil {
		return 0, err
	}
	for _, e := range existing {
		have[sigOf(e)] = true
	}
	added := 0
	for _, e := range events {
		if mapped, ok := ids[e.AccountID]; ok {
			e.AccountID = mapped
		}
		if have[sigOf(e)] {
			continue
		}
		if e.RestoredFrom == "" { // an entry restored before keeps its first mark
			at := now
			e.RestoredFrom, e.RestoredAt = source, &at
		}
		if err := appendEvent(ctx, tx, e); err != nil {
			return 0, err
		}
		have[sigOf(e)] = true
		added++
	}
	return added, nil
}

func restoreReminders(ctx context.Context, tx *sql.Tx, rs []accounts.Reminder, ids map[string]string) (int, error) {
	added := 0
	for _, r := range rs {
		if r.AccountID != "" {
			mapped, ok := ids[r.AccountID]
			if !ok {
				continue // its account is not in the backup
			}
			r.AccountID = mapped
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM reminders WHERE ifnull(account_id, '') = ? AND key = ?",
			r.AccountID, r.Key).Scan(&n); err != nil {
			return 0, err
		}
		if n > 0 {
			continue
		}
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM reminders WHERE id = ?", r.ID).Scan(&n); err != nil {
			return 0, err
		}
		if n > 0 || r.ID == "" {
			r.ID = newID()
		}
		if err := insertReminder(ctx, tx, r); err != nil {
			return 0, err
		}
		added++
	}
	return added, nil
}
