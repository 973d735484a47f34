package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/unbindapp/unbind/accounts/evidence"
)

// Repo is the persistence Service needs; accounts/store implements it on
// SQLite. Every method that changes something appends its events in the
// same transaction, so the history never misses a change.
type Repo interface {
	CreateAccount(ctx context.Context, a Account, ev Event) error
	// UpdateAccount saves a; it fails with ErrConflict when the stored
	// version is not a.Version (someone else saved in between).
	UpdateAccount(ctx context.Context, a Account, ev Event) (Account, error)
	DeleteAccount(ctx context.Context, id string, ev Event) error
	Account(ctx context.Context, id string) (Account, error)
	Accounts(ctx context.Context) ([]Account, error)
	// ChangeStatus checks CanTransition against the stored status inside
	// its transaction, so two writers cannot both move the same account.
	ChangeStatus(ctx context.Context, id string, to Status, change StatusChange) (Account, error)
	Tracks(ctx context.Context, accountID string) ([]Track, error)
	// SetStep ticks an item, or unticks it for the reason why (recorded in
	// the event; "" only when ticking).
	SetStep(ctx context.Context, accountID string, kind TrackKind, key string, done bool, why Correction, at time.Time) error
	SetTrackEvidence(ctx context.Context, accountID string, kind TrackKind, ticket, note string, at time.Time) error
	RecordBackup(ctx context.Context, accountID string, at time.Time, note string) error
	MarkSecret(ctx context.Context, accountID string, field SecretField, set bool, at time.Time) error
	Events(ctx context.Context, accountID string) ([]Event, error)
	EvidenceRepo
}

// Secrets keeps secret values; accounts/vault implements it on the OS
// keyring. Errors wrap ErrNotFound when a field has no value.
type Secrets interface {
	Set(accountID string, field SecretField, value string) error
	Get(accountID string, field SecretField) (string, error)
	Delete(accountID string, field SecretField) error
}

// StatusChange is what goes with a status change into the history. Track,
// when set, is the track the change is about: submitting it starts its
// review window, deactivating completes it.
type StatusChange struct {
	Track    TrackKind
	Note     string
	Evidence string
	At       time.Time
	// CoolingUntil is the last day of the cooling-off, for a change to
	// StatusCoolingOff (required then): the day the platform names, or the
	// start plus the catalog's longest period.
	CoolingUntil *time.Time
}

// MaxCoolingOffDays bounds a cooling-off end date; the longest public
// figure is WeChat's 60 days, so a year leaves room without accepting typos.
const MaxCoolingOffDays = 366

// Service is what the GUI and the CLI call: each method validates, applies
// the rules of this package and saves through Repo and Secrets.
type Service struct {
	repo    Repo
	secrets Secrets
	// Now is the clock; tests replace it.
	Now func() time.Time
	// Guard, when set, refuses status changes a catalog blocker forbids.
	Guard TrackGuard
	// OnChange, when set, is called after every saved change of an account
	// (status, steps, edits), so the binaries can re-derive its reminders.
	OnChange func(ctx context.Context, accountID string)
	// Files, when set, is the evidence folder; without it attaching
	// evidence fails with ErrNoEvidenceFolder.
	Files *evidence.Dir
}

// NewService returns a Service over repo and secrets. secrets may be nil
// when no keyring is wanted (then every secret call fails clearly).
// When repo has an evidence folder (the store's, in its data folder),
// Files is that folder.
func NewService(repo Repo, secrets Secrets) *Service {
	s := &Service{repo: repo, secrets: secrets, Now: time.Now}
	if f, ok := repo.(interface{ EvidenceFolder() *evidence.Dir }); ok {
		s.Files = f.EvidenceFolder()
	}
	return s
}

// ErrNoKeyring is returned by secret calls on a Service without a keyring.
var ErrNoKeyring = errors.New("no keyring configured")

func (s *Service) now() time.Time { return s.Now().UTC().Truncate(time.Millisecond) }

// Add validates a, gives it an ID and times, and saves it.
func (s *Service) Add(ctx context.Context, a Account) (Account, error) {
	a.Normalise()
	if err := a.Validate(); err != nil {
		return Account{}, fmt.Errorf("add account: %w", err)
	}
	now := s.now()
	a.ID = uuid.NewString()
	a.CreatedAt, a.UpdatedAt, a.Version = now, now, 1
	a.SecretFields = nil
	ev := Event{AccountID: a.ID, Label: a.Name, At: now, Kind: EventCreated, To: string(a.Status)}
	if err := s.repo.CreateAccount(ctx, a, ev); err != nil {
		return Account{}, fmt.Errorf("add account: %w", err)
	}
	return a, nil
}

// Update saves edited fields of a. Status and secrets are not changed here:
// they have their own methods, so their rules cannot be bypassed.
func (s *Service) Update(ctx context.Context, a Account) (Account, error) {
	a.Normalise()
	if err := a.Validate(); err != nil {
		return Account{}, fmt.Errorf("update account: %w", err)
	}
	a.UpdatedAt = s.now()
	ev := Event{AccountID: a.ID, Label: a.Name, At: a.UpdatedAt, Kind: EventEdited}
	saved, err := s.repo.UpdateAccount(ctx, a, ev)
	if err != nil {
		return Account{}, fmt.Errorf("update account %s: %w", a.ID, err)
	}
	s.changed(ctx, a.ID) // flags decide which tracks apply
	return saved, nil
}

// Delete removes the account's keyring entries, then the account; its
// evidence files are kept (see DeleteKeepingEvidence). When the keyring
// cannot be reached the account stays, so no secret is orphaned.
func (s *Service) Delete(ctx context.Context, id string) error {
	return s.DeleteKeepingEvidence(ctx, id, true)
}

// DeleteKeepingEvidence is Delete with the person's choice about the
// account's evidence files: kept, they stay in the evidence folder and in
// the report, like the history; otherwise each is removed (with its
// history event) once the keyring entries are gone, then the account.
func (s *Service) DeleteKeepingEvidence(ctx context.Context, id string, keep bool) error {
	a, err := s.repo.Account(ctx, id)
	if err != nil {
		return fmt.Errorf("delete account %s: %w", id, err)
	}
	for _, f := range a.SecretFields {
		if err := s.deleteSecretValue(id, f); err != nil {
			return fmt.Errorf("delete account %s: remove its %s from the keyring first: %w", id, f, err)
		}
	}
	if !keep {
		if err := s.removeAllEvidence(ctx, id); err != nil {
			return fmt.Errorf("delete account %s: %w", id, err)
		}
	}
	ev := Event{AccountID: id, Label: a.Name, At: s.now(), Kind: EventDeleted, From: string(a.Status)}
	if err := s.repo.DeleteAccount(ctx, id, ev); err != nil {
		return fmt.Errorf("delete account %s: %w", id, err)
	}
	return nil
}

// Get returns one account.
func (s *Service) Get(ctx context.Context, id string) (Account, error) {
	a, err := s.repo.Account(ctx, id)
	if err != nil {
		return Account{}, fmt.Errorf("load account %s: %w", id, err)
	}
	return a, nil
}

// List returns every account.
func (s *Service) List(ctx context.Context) ([]Account, error) {
	all, err := s.repo.Accounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list accounts: %w", err)
	}
	return all, nil
}

// ChangeStatus moves the account to status to, if the transition table
// allows it; the error then wraps ErrIllegalTransition.
func (s *Service) ChangeStatus(ctx context.Context, id string, to Status, change StatusChange) (Account, error) {
	if !to.Valid() {
		return Account{}, fmt.Errorf("change status of %s: %w", id, &ValidationError{"status", "unknown status " + string(to)})
	}
	if change.Track != "" && !change.Track.Valid() {
		return Account{}, fmt.Errorf("change status of %s: %w", id, &ValidationError{"track", "unknown track " + string(change.Track)})
	}
	if change.At.IsZero() {
		change.At = s.now()
	}
	change.Note, change.Evidence = strings.TrimSpace(change.Note), strings.TrimSpace(change.Evidence)
	if err := checkCoolingOff(to, change); err != nil {
		return Account{}, fmt.Errorf("change status of %s: %w", id, err)
	}
	if s.Guard != nil && takesFurther(to) {
		cur, err := s.repo.Account(ctx, id)
		if err != nil {
			return Account{}, fmt.Errorf("change status of %s: %w", id, err)
		}
		tracks, err := s.repo.Tracks(ctx, id)
		if err != nil {
			return Account{}, fmt.Errorf("change status of %s: %w", id, err)
		}
		if err := s.Guard.CheckTrack(cur, tracks, change.Track, to); err != nil {
			return Account{}, fmt.Errorf("change status of %s to %s: %w", id, to, err)
		}
	}
	a, err := s.repo.ChangeStatus(ctx, id, to, change)
	if err != nil {
		return Account{}, fmt.Errorf("change status of %s to %s: %w", id, to, err)
	}
	s.changed(ctx, id)
	return a, nil
}

// checkCoolingOff requires a track and a sane last day for a cooling-off.
func checkCoolingOff(to Status, c StatusChange) error {
	if to != StatusCoolingOff {
		return nil
	}
	switch {
	case c.Track == "":
		return &ValidationError{"track", "a cooling-off belongs to a track; name it (e.g. account_delete)"}
	case c.CoolingUntil == nil:
		return &ValidationError{"until", "a cooling-off needs its last day (the platform shows it when you confirm)"}
	case CheckDate("until", *c.CoolingUntil) != nil:
		return CheckDate("until", *c.CoolingUntil)
	case c.CoolingUntil.Before(c.At.Add(-24 * time.Hour)):
		return &ValidationError{"until", "the cooling-off cannot end before it starts"}
	case c.CoolingUntil.After(c.At.AddDate(0, 0, MaxCoolingOffDays)):
		return &ValidationError{"until", fmt.Sprintf("a cooling-off longer than %d days is not plausible; check the date", MaxCoolingOffDays)}
	}
	return nil
}

// changed tells OnChange, if set, that the account was saved.
func (s *Service) changed(ctx context.Context, id string) {
	if s.OnChange != nil {
		s.OnChange(ctx, id)
	}
}

// Tracks returns the account's progress per track.
func (s *Service) Tracks(ctx context.Context, id string) ([]Track, error) {
	t, err := s.repo.Tracks(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load tracks of %s: %w", id, err)
	}
	return t, nil
}

// TickStep ticks a checklist item; done false unticks it as a mistake
// (UntickStep with CorrectionMistake). The first tick on an active account
// means the person has started: it moves to preparing.
func (s *Service) TickStep(ctx context.Context, id string, kind TrackKind, key string, done bool) (Account, error) {
	if !done {
		return s.UntickStep(ctx, id, kind, key, CorrectionMistake)
	}
	return s.setStep(ctx, id, kind, key, true, "")
}

// UntickStep unticks a checklist item and records why in the history: a
// tick is corrected, never silently reversed. Unticking leaves the status
// as it is.
func (s *Service) UntickStep(ctx context.Context, id string, kind TrackKind, key string, why Correction) (Account, error) {
	if !why.Valid() {
		return Account{}, fmt.Errorf("untick step: %w", &ValidationError{"reason", "unknown reason " + string(why)})
	}
	return s.setStep(ctx, id, kind, key, false, why)
}

func (s *Service) setStep(ctx context.Context, id string, kind TrackKind, key string, done bool, why Correction) (Account, error) {
	if !kind.Valid() {
		return Account{}, fmt.Errorf("tick step: %w", &ValidationError{"track", "unknown track " + string(kind)})
	}
	if !strings.HasPrefix(key, "step:") && !strings.HasPrefix(key, "prereq:") && !strings.HasPrefix(key, "blocker:") {
		return Account{}, fmt.Errorf("tick step: %w", &ValidationError{"step", "key must be step:N, prereq:ID or blocker:ID"})
	}
	now := s.now()
	if err := s.repo.SetStep(ctx, id, kind, key, done, why, now); err != nil {
		return Account{}, fmt.Errorf("tick step %s of %s: %w", key, id, err)
	}
	a, err := s.repo.Account(ctx, id)
	if err != nil {
		return Account{}, fmt.Errorf("tick step %s of %s: %w", key, id, err)
	}
	if done && a.Status == StatusActive {
		moved, err := s.ChangeStatus(ctx, id, StatusPreparing, StatusChange{Track: kind, Note: "first step ticked", At: now})
		if errors.Is(err, ErrIllegalTransition) {
			// Another writer moved the account between our read and the
			// change (its own first tick, say): the tick stands, and the
			// account is wherever that writer put it.
			return s.repo.Account(ctx, id)
		}
		return moved, err
	}
	s.changed(ctx, id)
	return a, nil
}

// SetEvidence records a ticket/application number and a note for a track.
func (s *Service) SetEvidence(ctx context.Context, id string, kind TrackKind, ticket, note string) error {
	if !kind.Valid() {
		return fmt.Errorf("record evidence: %w", &ValidationError{"track", "unknown track " + string(kind)})
	}
	if err := s.repo.SetTrackEvidence(ctx, id, kind, strings.TrimSpace(ticket), strings.TrimSpace(note), s.now()); err != nil {
		return fmt.Errorf("record evidence for %s: %w", id, err)
	}
	return nil
}

// RecordBackup notes that the person backed up the account's data at at
// (zero means now). A backup in the future is refused.
func (s *Service) RecordBackup(ctx context.Context, id string, at time.Time, note string) error {
	now := s.now()
	if at.IsZero() {
		at = now
	}
	if at.After(now.Add(time.Minute)) {
		return fmt.Errorf("record backup: %w", &ValidationError{"date", "is in the future"})
	}
	if err := CheckDate("date", at); err != nil {
		return fmt.Errorf("record backup: %w", err)
	}
	if err := s.repo.RecordBackup(ctx, id, at.UTC(), strings.TrimSpace(note)); err != nil {
		return fmt.Errorf("record backup for %s: %w", id, err)
	}
	return nil
}

// History returns the account's events, oldest first.
func (s *Service) History(ctx context.Context, id string) ([]Event, error) {
	ev, err := s.repo.Events(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("load history of %s: %w", id, err)
	}
	return ev, nil
}
