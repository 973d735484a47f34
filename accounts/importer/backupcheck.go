package importer

import (
	"fmt"
	"slices"
	"unicode/utf8"

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
func validateInventory(inv *store.Inventory) error {
	seen := make(map[string]int, len(inv.Accounts))
	for i, ia := range inv.Accounts {
		a := ia.Account
		where := fmt.Sprintf("account %d", i+1)
		if a.ID == "" {
			return backupErr(ErrBackupInvalid, 0, "%s (%s) has no id", where, clip(a.Name))
		}
		if len(a.ID) > 100 || !utf8.ValidString(a.ID) {
			return backupErr(ErrBackupInvalid, 0, "%s has an id that is not an Unbind id", where)
		}
		where += " (" + clip(a.ID) + ")"
		if j, dup := seen[a.ID]; dup {
			return backupErr(ErrBackupInvalid, 0, "%s has the same id as account %d", where, j+1)
		}
		seen[a.ID] = i
		a.Normalise()
		if err := a.Validate(); err != nil {
			return backupErr(ErrBackupInvalid, 0, "%s: %v", where, err)
		}
		kinds := map[accounts.TrackKind]bool{}
		for _, t := range ia.Tracks {
			if !t.Kind.Valid() {
				return backupErr(ErrBackupInvalid, 0, "%s: unknown track %q", where, clip(string(t.Kind)))
			}
			if kinds[t.Kind] {
				return backupErr(ErrBackupInvalid, 0, "%s: track %s appears twice", where, t.Kind)
			}
			kinds[t.Kind] = true
		}
	}
	for i, e := range inv.Events {
		if e.AccountID == "" || e.Kind == "" {
			return backupErr(ErrBackupInvalid, 0, "history entry %d has no account or kind", i+1)
		}
	}
	for i, r := range inv.Reminders {
		if r.Kind == "" || r.Title == "" {
			return backupErr(ErrBackupInvalid, 0, "reminder %d has no kind or title", i+1)
		}
		if !slices.Contains(reminderStates, r.State) {
			return backupErr(ErrBackupInvalid, 0, "reminder %d has the unknown state %q", i+1, clip(string(r.State)))
		}
	}
	for i, c := range inv.PhoneChecks {
		if c.ID == "" {
			return backupErr(ErrBackupInvalid, 0, "phone check %d has no id", i+1)
		}
		if len(accounts.PhoneDigits(c.Phone)) < 7 {
			return backupErr(ErrBackupInvalid, 0, "phone check %d has no phone number", i+1)
		}
		for company, n := range c.Counts {
			if company == "" || n < 0 {
				return backupErr(ErrBackupInvalid, 0, "phone check %d has a count without a company or below zero", i+1)
			}
		}
	}
	for k := range inv.Settings {
		if k == "" {
			return backupErr(ErrBackupInvalid, 0, "a setting has no name")
		}
	}
	return nil
}

// BackupSummary counts what an inventory backup holds, for messages.
type BackupSummary struct {
	Accounts    int `json:"accounts"`
	Events      int `json:"events"`
	Reminders   int `json:"reminders"`
	PhoneChecks int `json:"phone_checks"`
	// WithSecrets counts accounts that had secrets in the keyring of the
	// computer the backup came from: their values are not in the backup.
	WithSecrets int `json:"accounts_with_secrets"`
}

// Summarise counts what inv holds.
func Summarise(inv store.Inventory) BackupSummary {
	s := BackupSummary{Accounts: len(inv.Accounts), Events: len(inv.Events),
		Reminders: len(inv.Reminders), PhoneChecks: len(inv.PhoneChecks)}
	for _, a := range inv.Accounts {
		if len(a.SecretFields) > 0 {
			s.WithSecrets++
		}
	}
	return s
}
