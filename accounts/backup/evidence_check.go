package backup

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/evidence"
	"github.com/unbindapp/unbind/accounts/store"
)

// validateEvidence holds a backup's evidence files to what Unbind writes:
// at most store.MaxBackupEvidenceFiles records and as many contents of at
// most evidence.MaxFileBytes each, store.MaxBackupEvidenceBytes in all;
// each content matching its SHA-256 and of the type its first bytes show;
// each record on a known track of an account in the backup (or recorded
// as deleted), with its content present, and each content used.
func validateEvidence(inv *store.Inventory, accountsIn map[string]int, now time.Time) error {
	if len(inv.EvidenceFiles) > store.MaxBackupEvidenceFiles || len(inv.EvidenceBlobs) > store.MaxBackupEvidenceFiles {
		return backupErr(ErrInvalid, 0, "more than %d evidence files", store.MaxBackupEvidenceFiles)
	}
	deleted := map[string]bool{}
	for _, e := range inv.Events {
		if e.Kind == accounts.EventDeleted {
			deleted[e.AccountID] = true
		}
	}
	type content struct {
		mediaType string
		size      int64
	}
	blobs := make(map[string]content, len(inv.EvidenceBlobs))
	var total int64
	for i, b := range inv.EvidenceBlobs {
		where := fmt.Sprintf("evidence content %d", i+1)
		if !evidence.ValidHash(b.SHA256) {
			return backupErr(ErrInvalid, 0, "%s has no valid SHA-256", where)
		}
		if _, dup := blobs[b.SHA256]; dup {
			return backupErr(ErrInvalid, 0, "%s appears twice", where)
		}
		if len(b.Content) == 0 || len(b.Content) > evidence.MaxFileBytes {
			return backupErr(ErrInvalid, 0, "%s is empty or larger than %d MiB", where, evidence.MaxFileBytes>>20)
		}
		if total += int64(len(b.Content)); total > store.MaxBackupEvidenceBytes {
			return backupErr(ErrInvalid, 0, "the evidence files add up to more than %d MiB", store.MaxBackupEvidenceBytes>>20)
		}
		if sum := sha256.Sum256(b.Content); hex.EncodeToString(sum[:]) != b.SHA256 {
			return backupErr(ErrInvalid, 0, "%s does not match its SHA-256 (changed or damaged)", where)
		}
		if t := evidence.Sniff(b.Content[:min(512, len(b.Content))]); t == "" || t != b.MediaType {
			return backupErr(ErrInvalid, 0, "%s is not the %q it claims to be", where, clip(b.MediaType))
		}
		blobs[b.SHA256] = content{b.MediaType, int64(len(b.Content))}
	}
	used := map[string]bool{}
	ids := map[string]bool{}
	for i, f := range inv.EvidenceFiles {
		where := fmt.Sprintf("evidence file %d", i+1)
		if _, err := uuid.Parse(f.ID); err != nil || len(f.ID) != 36 || ids[f.ID] {
			return backupErr(ErrInvalid, 0, "%s has no id of its own", where)
		}
		ids[f.ID] = true
		_, inBackup := accountsIn[f.AccountID]
		switch {
		case !inBackup && !deleted[f.AccountID]:
			return backupErr(ErrInvalid, 0, "%s belongs to an account that is neither in the backup nor recorded as deleted", where)
		case !f.Track.Valid():
			return backupErr(ErrInvalid, 0, "%s names the unknown track %q", where, clip(string(f.Track)))
		case blobs[f.SHA256].mediaType == "" || blobs[f.SHA256].mediaType != f.MediaType:
			return backupErr(ErrInvalid, 0, "%s comes without its content", where)
		case blobs[f.SHA256].size != f.Size:
			return backupErr(ErrInvalid, 0, "%s has the wrong size", where)
		case f.Name != accounts.CleanFileName(f.Name) || utf8.RuneCountInString(f.Label) > maxEventLabel ||
			utf8.RuneCountInString(f.Note) > maxEventNote:
			return backupErr(ErrInvalid, 0, "%s has a name or text Unbind does not write", where)
		}
		if err := accounts.CheckDate("added", f.AddedAt); err != nil || f.AddedAt.After(now.Add(24*time.Hour)) {
			return backupErr(ErrInvalid, 0, "%s is dated %s, outside 2000 to today", where, f.AddedAt.UTC().Format("2006-01-02"))
		}
		used[f.SHA256] = true
	}
	for sum := range blobs {
		if !used[sum] {
			return backupErr(ErrInvalid, 0, "evidence content %.12s… belongs to no evidence file", sum)
		}
	}
	return nil
}
