package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/evidence"
)

// Bounds of the evidence in one backup: the whole backup must stay under
// the backup reader's 256 MiB, and base64 grows content by a third.
const (
	MaxBackupEvidenceBytes = 160 << 20
	MaxBackupEvidenceFiles = 5000
)

// ErrEvidenceTooLarge is returned when the evidence files do not fit in one backup.
var ErrEvidenceTooLarge = errors.New("evidence files too large for one backup")

// EvidenceBlob is one evidence file's content in a backup.
type EvidenceBlob struct {
	SHA256    string `json:"sha256"`
	MediaType string `json:"media_type"`
	Content   []byte `json:"content"` // base64 in JSON
}

// exportEvidence adds the records and each distinct content once.
func (s *Store) exportEvidence(ctx context.Context, tx *sql.Tx, inv *Inventory) error {
	files, err := listEvidence(ctx, tx, "")
	if err != nil {
		return err
	}
	if len(files) > MaxBackupEvidenceFiles {
		return fmt.Errorf("%d evidence files, more than the %d one backup holds: %w", len(files), MaxBackupEvidenceFiles, ErrEvidenceTooLarge)
	}
	dir := s.EvidenceFolder()
	seen := map[string]bool{}
	var total int64
	for _, f := range files {
		if seen[f.SHA256] {
			continue
		}
		seen[f.SHA256] = true
		if total += f.Size; total > MaxBackupEvidenceBytes {
			return fmt.Errorf("the evidence files add up to more than %d MiB: %w", MaxBackupEvidenceBytes>>20, ErrEvidenceTooLarge)
		}
		data, err := dir.Read(f.SHA256, f.MediaType)
		if err != nil {
			return fmt.Errorf("evidence file %q of %s: %w", f.Name, f.Label, err)
		}
		inv.EvidenceBlobs = append(inv.EvidenceBlobs, EvidenceBlob{SHA256: f.SHA256, MediaType: f.MediaType, Content: data})
	}
	inv.EvidenceFiles = files
	return nil
}

// writeBlobs stores a backup's evidence content before the restore's
// transaction; it returns what it created, for undoing. A blob whose
// content does not match its hash stops everything.
func (s *Store) writeBlobs(blobs []EvidenceBlob) ([]evidence.Blob, error) {
	dir := s.EvidenceFolder()
	var created []evidence.Blob
	for _, b := range blobs {
		got, err := dir.Add(bytes.NewReader(b.Content))
		if err != nil {
			s.dropBlobs(created)
			return nil, fmt.Errorf("evidence %.12s: %w", b.SHA256, err)
		}
		if got.New {
			created = append(created, got)
		}
		if got.SHA256 != b.SHA256 || got.MediaType != b.MediaType {
			s.dropBlobs(created)
			return nil, fmt.Errorf("evidence %.12s: the content does not match its hash or type: %w", b.SHA256, evidence.ErrBadHash)
		}
	}
	return created, nil
}

// dropBlobs removes files a failed restore created and no record uses.
func (s *Store) dropBlobs(created []evidence.Blob) {
	dir := s.EvidenceFolder()
	for _, b := range created {
		if n, err := s.EvidenceRefs(context.Background(), b.SHA256); err == nil && n == 0 {
			_ = dir.Remove(b.SHA256, b.MediaType)
		}
	}
}

// blobsCoverFiles checks that every record comes with its content.
func blobsCoverFiles(inv Inventory) error {
	have := map[string]bool{}
	for _, b := range inv.EvidenceBlobs {
		have[b.SHA256+" "+b.MediaType] = true
	}
	for _, f := range inv.EvidenceFiles {
		if !have[f.SHA256+" "+f.MediaType] {
			return fmt.Errorf("evidence file %q comes without its content: %w", f.Name, evidence.ErrMissing)
		}
	}
	return nil
}

// restoreEvidence inserts the backup's records (those already here are
// kept as they are), mapping account IDs as the accounts were merged.
func restoreEvidence(ctx context.Context, tx *sql.Tx, files []accounts.EvidenceFile, ids map[string]string) (int, error) {
	added := 0
	touched := map[string]bool{}
	for _, f := range files {
		if mapped, ok := ids[f.AccountID]; ok {
			f.AccountID = mapped
		}
		res, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO evidence_files ("+evidenceColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			f.ID, f.AccountID, f.Label, string(f.Track), f.SHA256, accounts.CleanFileName(f.Name), f.Size, f.MediaType, ms(f.AddedAt), f.Note)
		if err != nil {
			return 0, err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			added++
			touched[f.AccountID] = true
		}
	}
	for id := range touched {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM evidence_files WHERE account_id = ?", id).Scan(&n); err != nil {
			return 0, err
		}
		if n > accounts.MaxEvidencePerAccount {
			return 0, fmt.Errorf("account %s would have %d evidence files: %w", id, n, accounts.ErrTooManyFiles)
		}
	}
	return added, nil
}
