package backup

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

var reminderStates = []accounts.ReminderState{
	accounts.ReminderPending, accounts.ReminderFired, accounts.ReminderDone,
	accounts.ReminderSnoozed, accounts.ReminderDismissed,
}

// validateInventory checks what RestoreInventory would otherwise find
// half-way (it would then roll back) or silently store: every account
// valid with a unique ID, known tracks, events and reminders that say what
// they are, phone checks with a number and non-negative counts.
func validateInventory(inv *store.Inventory, now time.Time) error {
	seen := make(map[string]int, len(inv.Accounts))
	for i, ia := range inv.Accounts {
		a := ia.Account
		where := fmt.Sprintf("account %d", i+1)
		if a.ID == "" {
			return backupErr(ErrInvalid, 0, "%s (%s) has no id", where, clip(a.Name))
		}
		if _, err := uuid.Parse(a.ID); err != nil || len(a.ID) != 36 {
			return backupErr(ErrInvalid, 0, "%s has an id that is not an Unbind id (a UUID)", where)
		}
		where += " (" + clip(a.ID) + ")"
		if j, dup := seen[a.ID]; dup {
			return backupErr(ErrInvalid, 0, "%s has the same id as account %d", where, j+1)
		}
		seen[a.ID] = i
		a.Normalise()
		if err := a.Validate(); err != nil {
			return backupErr(ErrInvalid, 0, "%s: %v", where, err)
		}
		kinds := map[accounts.TrackKind]bool{}
		for _, t := range ia.Tracks {
			if !t.Kind.Valid() {
				return backupErr(ErrInvalid, 0, "%s: unknown track %q", where, clip(string(t.Kind)))
			}
			if kinds[t.Kind] {
				return backupErr(ErrInvalid, 0, "%s: track %s appears twice", where, t.Kind)
			}
			kinds[t.Kind] = true
		}
	}
	if err := validateEvents(inv.Events, seen, now); err != nil {
		return err
	}
	if err := validateEvidence(inv, seen, now); err != nil {
		return err
	}
	for i, r := range inv.Reminders {
		if r.Kind == "" || r.Title == "" {
			return backupErr(ErrInvalid, 0, "reminder %d has no kind or title", i+1)
		}
		if !slices.Contains(reminderStates, r.State) {
			return backupErr(ErrInvalid, 0, "reminder %d has the unknown state %q", i+1, clip(string(r.State)))
		}
	}
	for i, c := range inv.PhoneChecks {
		if c.ID == "" {
			return backupErr(ErrInvalid, 0, "phone check %d has no id", i+1)
		}
		if len(accounts.PhoneDigits(c.Phone)) < 7 {
			return backupErr(ErrInvalid, 0, "phone check %d has no phone number", i+1)
		}
		for company, n := range c.Counts {
			if company == "" || n < 0 {
				return backupErr(ErrInvalid, 0, "phone check %d has a count without a company or below zero", i+1)
			}
		}
	}
	for k := range inv.Settings {
		if k == "" {
			return backupErr(ErrInvalid, 0, "a setting has no name")
		}
	}
	return nil
}

// Limits of a history entry, as the live model writes them.
const (
	maxEventLabel = 200
	maxEventNote  = 10000
	maxEventValue = 320
)

// validateEvents holds a backup's history to what the live model can have
// written: a known kind, a legal status change, a date in range and not in
// the future, bounded texts, and an account that is in the backup — or
// whose history records its deletion (history outlives accounts), or a
// phone-number check ("phone:<digits>").
func validateEvents(events []accounts.Event, accountsIn map[string]int, now time.Time) error {
	deleted := map[string]bool{}
	for _, e := range events {
		if e.Kind == accounts.EventDeleted {
			deleted[e.AccountID] = true
		}
	}
	for i, e := range events {
		where := fmt.Sprintf("history entry %d", i+1)
		switch {
		case !e.Kind.Valid():
			return backupErr(ErrInvalid, 0, "%s has the unknown kind %q", where, clip(string(e.Kind)))
		case e.AccountID == "":
			return backupErr(ErrInvalid, 0, "%s belongs to no account", where)
		case utf8.RuneCountInString(e.Label) > maxEventLabel || utf8.RuneCountInString(e.Note) > maxEventNote ||
			len(e.From) > maxEventValue || len(e.To) > maxEventValue || len(e.Evidence) > maxEventValue || len(e.RestoredFrom) > maxEventValue:
			return backupErr(ErrInvalid, 0, "%s has a text longer than Unbind writes", where)
		case e.Track != "" && !e.Track.Valid():
			return backupErr(ErrInvalid, 0, "%s names the unknown track %q", where, clip(string(e.Track)))
		}
		if err := accounts.CheckDate("at", e.At); err != nil || e.At.After(now.Add(24*time.Hour)) {
			return backupErr(ErrInvalid, 0, "%s is dated %s, outside 2000 to today", where, e.At.UTC().Format("2006-01-02"))
		}
		if e.Kind == accounts.EventStatus && e.From != "" {
			if err := accounts.CanTransition(accounts.Status(e.From), accounts.Status(e.To)); err != nil {
				return backupErr(ErrInvalid, 0, "%s records an impossible status change (%s)", where, clip(err.Error()))
			}
		}
		_, inBackup := accountsIn[e.AccountID]
		phone := strings.HasPrefix(e.AccountID, "phone:") && e.Kind == accounts.EventCheck
		if !inBackup && !deleted[e.AccountID] && !phone {
			return backupErr(ErrInvalid, 0, "%s belongs to an account that is neither in the backup nor recorded as deleted", where)
		}
	}
	return nil
}

// Summary counts what an inventory backup holds, for messages.
type Summary struct {
	Accounts    int `json:"accounts"`
	Events      int `json:"events"`
	Reminders   int `json:"reminders"`
	PhoneChecks int `json:"phone_checks"`
	// EvidenceFiles counts the evidence files the backup carries.
	EvidenceFiles int `json:"evidence_files"`
	// WithSecrets counts accounts that had secrets in the keyring of the
	// computer the backup came from: their values are not in the backup.
	WithSecrets int `json:"accounts_with_secrets"`
}

// Summarise counts what inv holds.
func Summarise(inv store.Inventory) Summary {
	s := Summary{Accounts: len(inv.Accounts), Events: len(inv.Events),
		Reminders: len(inv.Reminders), PhoneChecks: len(inv.PhoneChecks), EvidenceFiles: len(inv.EvidenceFiles)}
	for _, a := range inv.Accounts {
		if len(a.SecretFields) > 0 {
			s.WithSecrets++
		}
	}
	return s
}
