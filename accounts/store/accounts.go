package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

var _ accounts.Repo = (*Store)(nil)

const accountColumns = `a.id, a.platform_id, a.name, a.login, a.phone, a.email, a.real_name, a.third_party,
	a.seller, a.notes, a.status, a.last_backup_at, a.created_at, a.updated_at, a.version`

// oneAccountColumns adds the secret fields for single-account loads; the
// full list reads them in one separate pass, which is several times faster
// than a correlated sub-query per row.
const oneAccountColumns = accountColumns + `,
	(SELECT group_concat(field) FROM secret_fields f WHERE f.account_id = a.id)`

// addField inserts f keeping accounts.SecretFields' display order.
func addField(have []accounts.SecretField, f accounts.SecretField) []accounts.SecretField {
	out := have[:0:0]
	for _, known := range accounts.SecretFields {
		if known == f || slices.Contains(have, known) {
			out = append(out, known)
		}
	}
	return out
}

func joinThirdParty(tp []accounts.ThirdParty) string {
	parts := make([]string, len(tp))
	for i, t := range tp {
		parts[i] = string(t)
	}
	return strings.Join(parts, ",")
}

// CreateAccount inserts a and its creation event.
func (s *Store) CreateAccount(ctx context.Context, a accounts.Account, ev accounts.Event) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertAccount(ctx, tx, a); err != nil {
			return err
		}
		return appendEvent(ctx, tx, ev)
	})
}

func insertAccount(ctx context.Context, tx *sql.Tx, a accounts.Account) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO accounts (id, platform_id, name, login, phone, email, real_name,
		third_party, seller, notes, status, last_backup_at, created_at, updated_at, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.PlatformID, a.Name, a.Login, a.Phone, a.Email, boolInt(a.RealName), joinThirdParty(a.ThirdParty),
		boolInt(a.Seller), a.Notes, string(a.Status), nullMs(a.LastBackupAt), ms(a.CreatedAt), ms(a.UpdatedAt), max(a.Version, 1))
	if err != nil {
		return fmt.Errorf("insert account %s: %w", a.ID, err)
	}
	return nil
}

// UpdateAccount saves the editable fields of a when the stored version is
// still a.Version; status, backups and secrets have their own methods.
func (s *Store) UpdateAccount(ctx context.Context, a accounts.Account, ev accounts.Event) (accounts.Account, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE accounts SET platform_id = ?, name = ?, login = ?, phone = ?, email = ?,
			real_name = ?, third_party = ?, seller = ?, notes = ?, updated_at = ?, version = version + 1
			WHERE id = ? AND version = ?`,
			a.PlatformID, a.Name, a.Login, a.Phone, a.Email, boolInt(a.RealName), joinThirdParty(a.ThirdParty),
			boolInt(a.Seller), a.Notes, ms(a.UpdatedAt), a.ID, a.Version)
		if err != nil {
			return fmt.Errorf("update account %s: %w", a.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := accountLabel(ctx, tx, a.ID); err != nil {
				return err
			}
			return fmt.Errorf("account %s was %w since it was loaded; reload and edit again", a.ID, accounts.ErrConflict)
		}
		return appendEvent(ctx, tx, ev)
	})
	if err != nil {
		return accounts.Account{}, err
	}
	return s.Account(ctx, a.ID)
}

// DeleteAccount removes the account (tracks, reminders and secret flags go
// with it) and appends ev; the history itself stays.
func (s *Store) DeleteAccount(ctx context.Context, id string, ev accounts.Event) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM accounts WHERE id = ?", id)
		if err != nil {
			return fmt.Errorf("delete account %s: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("account %s: %w", id, accounts.ErrNotFound)
		}
		return appendEvent(ctx, tx, ev)
	})
	if err != nil {
		return err
	}
	// The write-ahead log still holds the pages as they were before the
	// delete; fold it into the (zeroed) main file and truncate it. Best
	// effort: a reader in another process can keep frames until it ends.
	_, _ = s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return nil
}

// Account loads one account.
func (s *Store) Account(ctx context.Context, id string) (accounts.Account, error) {
	a, err := scanAccount(s.db.QueryRowContext(ctx, "SELECT "+oneAccountColumns+" FROM accounts a WHERE a.id = ?", id), true)
	if err == sql.ErrNoRows {
		return a, fmt.Errorf("account %s: %w", id, accounts.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("load account %s: %w", id, err)
	}
	return a, nil
}

// Accounts loads every account, ordered by platform then name.
func (s *Store) Accounts(ctx context.Context) ([]accounts.Account, error) {
	return listAccounts(ctx, s.db)
}

// ChangeStatus moves the account to status to after checking the transition
// against the stored status, inside one immediate transaction.
func (s *Store) ChangeStatus(ctx context.Context, id string, to accounts.Status, c accounts.StatusChange) (accounts.Account, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var from, label string
		err := tx.QueryRowContext(ctx, "SELECT status, name FROM accounts WHERE id = ?", id).Scan(&from, &label)
		if err == sql.ErrNoRows {
			return fmt.Errorf("account %s: %w", id, accounts.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if err := accounts.CanTransition(accounts.Status(from), to); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE accounts SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?",
			string(to), ms(c.At), id); err != nil {
			return err
		}
		if c.Track != "" {
			if err := trackStatusEffect(ctx, tx, id, to, c); err != nil {
				return err
			}
		}
		return appendEvent(ctx, tx, accounts.Event{AccountID: id, Label: label, At: c.At, Kind: accounts.EventStatus,
			Track: c.Track, From: from, To: string(to), Note: c.Note, Evidence: c.Evidence})
	})
	if err != nil {
		return accounts.Account{}, err
	}
	return s.Account(ctx, id)
}

// trackStatusEffect saves the track's dates as accounts.Track.FollowStatus
// derives them from the change; the rule lives there, not in SQL.
func trackStatusEffect(ctx context.Context, tx *sql.Tx, id string, to accounts.Status, c accounts.StatusChange) error {
	if err := ensureTrack(ctx, tx, id, c.Track); err != nil {
		return err
	}
	var t accounts.Track
	var sub, done, coolStart, coolUntil sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT ticket, submitted_at, completed_at, cooling_started_at, cooling_until
		FROM tracks WHERE account_id = ? AND kind = ?`, id, string(c.Track)).Scan(&t.Ticket, &sub, &done, &coolStart, &coolUntil); err != nil {
		return err
	}
	t.SubmittedAt, t.CompletedAt, t.CoolingStartedAt, t.CoolingUntil = ptrMs(sub), ptrMs(done), ptrMs(coolStart), ptrMs(coolUntil)
	t = t.FollowStatus(to, c)
	_, err := tx.ExecContext(ctx, `UPDATE tracks SET ticket = ?, submitted_at = ?, completed_at = ?,
		cooling_started_at = ?, cooling_until = ? WHERE account_id = ? AND kind = ?`,
		t.Ticket, nullMs(t.SubmittedAt), nullMs(t.CompletedAt), nullMs(t.CoolingStartedAt), nullMs(t.CoolingUntil), id, string(c.Track))
	return err
}

func ensureTrack(ctx context.Context, tx *sql.Tx, id string, kind accounts.TrackKind) error {
	_, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO tracks (account_id, kind) VALUES (?, ?)", id, string(kind))
	return err
}

// RecordBackup sets the account's last backup time (only forward) and
// appends a backup event.
func (s *Store) RecordBackup(ctx context.Context, id string, at time.Time, note string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		label, err := accountLabel(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE accounts SET last_backup_at = max(ifnull(last_backup_at, 0), ?),
			version = version + 1 WHERE id = ?`, ms(at), id); err != nil {
			return err
		}
		return appendEvent(ctx, tx, accounts.Event{AccountID: id, Label: label, At: at, Kind: accounts.EventBackup, Note: note})
	})
}

// MarkSecret records that a secret field is (or is no longer) in the keyring.
func (s *Store) MarkSecret(ctx context.Context, id string, field accounts.SecretField, set bool, at time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		label, err := accountLabel(ctx, tx, id)
		if err != nil {
			return err
		}
		kind := accounts.EventSecretSet
		if set {
			_, err = tx.ExecContext(ctx, `INSERT INTO secret_fields (account_id, field, set_at) VALUES (?, ?, ?)
				ON CONFLICT (account_id, field) DO UPDATE SET set_at = excluded.set_at`, id, string(field), ms(at))
		} else {
			kind = accounts.EventSecretDel
			_, err = tx.ExecContext(ctx, "DELETE FROM secret_fields WHERE account_id = ? AND field = ?", id, string(field))
		}
		if err != nil {
			return err
		}
		return appendEvent(ctx, tx, accounts.Event{AccountID: id, Label: label, At: at, Kind: kind, To: string(field)})
	})
}
