package accounts

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/google/uuid"

	"github.com/unbindapp/unbind/accounts/evidence"
)

// EvidenceRepo is the persistence of evidence-file records. Adding and
// removing append their history events in the same transaction.
type EvidenceRepo interface {
	// AddEvidenceFile saves f unless the account already has the same
	// content on the same track (then it returns that one and false).
	// It fails with ErrTooManyFiles past MaxEvidencePerAccount.
	AddEvidenceFile(ctx context.Context, f EvidenceFile) (EvidenceFile, bool, error)
	// RemoveEvidenceFile deletes the record and says how many records
	// still use the same content (so the file stays while any does).
	RemoveEvidenceFile(ctx context.Context, id string, ev Event) (EvidenceFile, int, error)
	// EvidenceFiles lists an account's records ("" lists every one,
	// including those kept from deleted accounts), oldest first.
	EvidenceFiles(ctx context.Context, accountID string) ([]EvidenceFile, error)
	// EvidenceRefs counts the records using the content sha256.
	EvidenceRefs(ctx context.Context, sha256 string) (int, error)
}

// Evidence errors, for errors.Is.
var (
	// ErrNoEvidenceFolder: the Service has no evidence folder.
	ErrNoEvidenceFolder = errors.New("no evidence folder configured")
	// ErrTooManyFiles: the account has MaxEvidencePerAccount files.
	ErrTooManyFiles = errors.New("too many evidence files")
)

// AttachEvidence copies the file at path into the evidence folder and
// records it on the account's track. Attaching the same content to the
// same track again returns the first record.
func (s *Service) AttachEvidence(ctx context.Context, id string, kind TrackKind, path, note string) (EvidenceFile, error) {
	if s.Files == nil {
		return EvidenceFile{}, fmt.Errorf("attach evidence: %w", ErrNoEvidenceFolder)
	}
	if err := s.checkAttach(ctx, id, kind); err != nil {
		return EvidenceFile{}, err
	}
	blob, err := s.Files.AddPath(path)
	if err != nil {
		return EvidenceFile{}, fmt.Errorf("attach evidence to %s: %w", id, err)
	}
	return s.recordEvidence(ctx, id, kind, blob, path, note)
}

// AttachEvidenceFrom is AttachEvidence for content from r (a drop, a
// file chooser that gives a stream), with its original name.
func (s *Service) AttachEvidenceFrom(ctx context.Context, id string, kind TrackKind, r io.Reader, name, note string) (EvidenceFile, error) {
	if s.Files == nil {
		return EvidenceFile{}, fmt.Errorf("attach evidence: %w", ErrNoEvidenceFolder)
	}
	if err := s.checkAttach(ctx, id, kind); err != nil {
		return EvidenceFile{}, err
	}
	blob, err := s.Files.Add(r)
	if err != nil {
		return EvidenceFile{}, fmt.Errorf("attach evidence to %s: %w", id, err)
	}
	return s.recordEvidence(ctx, id, kind, blob, name, note)
}

// checkAttach refuses early what the store would refuse after the copy.
func (s *Service) checkAttach(ctx context.Context, id string, kind TrackKind) error {
	if !kind.Valid() {
		return fmt.Errorf("attach evidence: %w", &ValidationError{"track", "unknown track " + string(kind)})
	}
	if _, err := s.repo.Account(ctx, id); err != nil {
		return fmt.Errorf("attach evidence to %s: %w", id, err)
	}
	return nil
}

func (s *Service) recordEvidence(ctx context.Context, id string, kind TrackKind, blob evidence.Blob, name, note string) (EvidenceFile, error) {
	f := EvidenceFile{ID: uuid.NewString(), AccountID: id, Track: kind, SHA256: blob.SHA256,
		Name: CleanFileName(name), Size: blob.Size, MediaType: blob.MediaType, AddedAt: s.now(),
		Note: strings.TrimSpace(note)}
	if err := ValidateField("notes", f.Note); err != nil {
		s.dropIfUnused(ctx, blob)
		return EvidenceFile{}, fmt.Errorf("attach evidence: %w", err)
	}
	saved, _, err := s.repo.AddEvidenceFile(ctx, f)
	if err != nil {
		s.dropIfUnused(ctx, blob)
		return EvidenceFile{}, fmt.Errorf("attach evidence to %s: %w", id, err)
	}
	s.changed(ctx, id)
	return saved, nil
}

// dropIfUnused removes a file this attach created when no record uses it.
func (s *Service) dropIfUnused(ctx context.Context, blob evidence.Blob) {
	if !blob.New {
		return
	}
	if n, err := s.repo.EvidenceRefs(ctx, blob.SHA256); err == nil && n == 0 {
		_ = s.Files.Remove(blob.SHA256, blob.MediaType)
	}
}

// RemoveEvidence deletes the record fileID and, when no other record uses
// the same content, the stored file. The history keeps its SHA-256.
func (s *Service) RemoveEvidence(ctx context.Context, fileID string) error {
	f, err := s.removeEvidence(ctx, fileID)
	if err == nil {
		s.changed(ctx, f.AccountID)
	}
	return err
}

func (s *Service) removeEvidence(ctx context.Context, fileID string) (EvidenceFile, error) {
	ev := Event{At: s.now(), Kind: EventFileRemoved}
	f, left, err := s.repo.RemoveEvidenceFile(ctx, fileID, ev)
	if err != nil {
		return f, fmt.Errorf("remove evidence %s: %w", fileID, err)
	}
	if left == 0 && s.Files != nil {
		if err := s.Files.Remove(f.SHA256, f.MediaType); err != nil {
			return f, fmt.Errorf("remove evidence %s: the record is gone but the file stays: %w", fileID, err)
		}
	}
	return f, nil
}

// Evidence lists the account's evidence files, oldest first.
func (s *Service) Evidence(ctx context.Context, id string) ([]EvidenceFile, error) {
	fs, err := s.repo.EvidenceFiles(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load evidence of %s: %w", id, err)
	}
	return fs, nil
}

// EvidencePath is where f's content is, after checking that it is still
// there and unchanged (so the viewer shows what the hash proves).
func (s *Service) EvidencePath(f EvidenceFile) (string, error) {
	if s.Files == nil {
		return "", fmt.Errorf("open evidence: %w", ErrNoEvidenceFolder)
	}
	if err := s.Files.Verify(f.SHA256, f.MediaType); err != nil {
		return "", fmt.Errorf("open evidence %s: %w", f.Name, err)
	}
	return s.Files.PathOf(f.SHA256, f.MediaType)
}

// removeAllEvidence removes every evidence file of the account.
func (s *Service) removeAllEvidence(ctx context.Context, id string) error {
	files, err := s.repo.EvidenceFiles(ctx, id)
	if err != nil {
		return err
	}
	for _, f := range files {
		if _, err := s.removeEvidence(ctx, f.ID); err != nil {
			return err
		}
	}
	return nil
}
