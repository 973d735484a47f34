package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/evidence"
)

// EvidenceFolder is the data folder's evidence/ folder.
func (s *Store) EvidenceFolder() *evidence.Dir { return evidence.New(s.Dir()) }

const evidenceColumns = "id, account_id, label, track, sha256, name, size, media_type, added_at, note"

func scanEvidence(row scanner) (accounts.EvidenceFile, error) {
	var f accounts.EvidenceFile
	var track string
	var at int64
	err := row.Scan(&f.ID, &f.AccountID, &f.Label, &track, &f.SHA256, &f.Name, &f.Size, &f.MediaType, &at, &f.Note)
	f.Track, f.AddedAt = accounts.TrackKind(track), fromMs(at)
	return f, err
}

// AddEvidenceFile saves f and its history event, unless the account has
// the same content on the same track already.
func (s *Store) AddEvidenceFile(ctx context.Context, f accounts.EvidenceFile) (accounts.EvidenceFile, bool, error) {
	added := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		label, err := accountLabel(ctx, tx, f.AccountID)
		if err != nil {
			return err
		}
		f.Label = label
		existing, err := scanEvidence(tx.QueryRowContext(ctx, "SELECT "+evidenceColumns+
			" FROM evidence_files WHERE account_id = ? AND track = ? AND sha256 = ?", f.AccountID, string(f.Track), f.SHA256))
		if err == nil {
			f = existing
			return nil
		}
		if err != sql.ErrNoRows {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM evidence_files WHERE account_id = ?", f.AccountID).Scan(&n); err != nil {
			return err
		}
		if n >= accounts.MaxEvidencePerAccount {
			return fmt.Errorf("account %s has %d evidence files: %w", f.AccountID, n, accounts.ErrTooManyFiles)
		}
		if err := insertEvidence(ctx, tx, f); err != nil {
			return err
		}
		added = true
		return appendEvent(ctx, tx, accounts.Event{AccountID: f.AccountID, Label: label, At: f.AddedAt,
			Kind: accounts.EventFileAdded, Track: f.Track, To: f.SHA256, Note: f.Name})
	})
	if err != nil {
		return accounts.EvidenceFile{}, false, fmt.Errorf("save evidence file: %w", err)
	}
	return f, added, nil
}

func insertEvidence(ctx context.Context, tx *sql.Tx, f accounts.EvidenceFile) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO evidence_files ("+evidenceColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		f.ID, f.AccountID, f.Label, string(f.Track), f.SHA256, f.Name, f.Size, f.MediaType, ms(f.AddedAt), f.Note)
	return err
}

// RemoveEvidenceFile deletes the record and appends ev (filled with the
// record's account, track, hash and name); it returns the record and how
// many others use the same content.
func (s *Store) RemoveEvidenceFile(ctx context.Context, id string, ev accounts.Event) (accounts.EvidenceFile, int, error) {
	var f accounts.EvidenceFile
	left := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		f, err = scanEvidence(tx.QueryRowContext(ctx, "SELECT "+evidenceColumns+" FROM evidence_files WHERE id = ?", id))
		if err == sql.ErrNoRows {
			return fmt.Errorf("evidence file %s: %w", id, accounts.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM evidence_files WHERE id = ?", id); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM evidence_files WHERE sha256 = ?", f.SHA256).Scan(&left); err != nil {
			return err
		}
		ev.AccountID, ev.Label, ev.Track, ev.To, ev.Note = f.AccountID, f.Label, f.Track, f.SHA256, f.Name
		if label, err := accountLabel(ctx, tx, f.AccountID); err == nil {
			ev.Label = label
		}
		return appendEvent(ctx, tx, ev)
	})
	if err != nil {
		return f, 0, fmt.Errorf("remove evidence file: %w", err)
	}
	return f, left, nil
}

// EvidenceFiles lists the account's records ("" for every one), oldest
// first.
func (s *Store) EvidenceFiles(ctx context.Context, accountID string) ([]accounts.EvidenceFile, error) {
	return listEvidence(ctx, s.db, accountID)
}

func listEvidence(ctx context.Context, q querier, accountID string) ([]accounts.EvidenceFile, error) {
	query := "SELECT " + evidenceColumns + " FROM evidence_files"
	var args []any
	if accountID != "" {
		query += " WHERE account_id = ?"
		args = append(args, accountID)
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY added_at, id", args...)
	if err != nil {
		return nil, fmt.Errorf("list evidence files: %w", err)
	}
	defer rows.Close()
	var out []accounts.EvidenceFile
	for rows.Next() {
		f, err := scanEvidence(rows)
		if err != nil {
			return nil, fmt.Errorf("list evidence files: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// EvidenceRefs counts the records using the content sha256.
func (s *Store) EvidenceRefs(ctx context.Context, sha256 string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM evidence_files WHERE sha256 = ?", sha256).Scan(&n)
	return n, err
}
