package store

import (
	"context"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// InventorySchema names the inventory backup format; a reader refuses
// other schemas instead of guessing.
const InventorySchema = "unbind.inventory/v1"

// Inventory is everything in a data folder except secrets: the backup that
// moves Unbind to another computer.
type Inventory struct {
	Schema      string              `json:"schema"`
	ExportedAt  time.Time           `json:"exported_at"`
	Accounts    []InventoryAccount  `json:"accounts"`
	Events      []accounts.Event    `json:"events"`
	Reminders   []accounts.Reminder `json:"reminders"`
	PhoneChecks []PhoneCheck        `json:"phone_checks"`
	Settings    map[string]string   `json:"settings"`
	// EvidenceFiles and EvidenceBlobs are there when the person chose to
	// back up evidence files (ExportInventoryWith): the records, and each
	// distinct content once. Without them a backup has neither; the
	// history still holds every file's SHA-256.
	EvidenceFiles []accounts.EvidenceFile `json:"evidence_files,omitempty"`
	EvidenceBlobs []EvidenceBlob          `json:"evidence_blobs,omitempty"`
}

// InventoryAccount is an account with its tracks. SecretFields only names
// fields; their values stay in the keyring of the computer they came from.
type InventoryAccount struct {
	accounts.Account
	Tracks []accounts.Track `json:"tracks"`
}

// ExportInventory reads the whole inventory inside one transaction, so the
// copy is consistent even while another process writes. It leaves the
// evidence files out; ExportInventoryWith can include them.
func (s *Store) ExportInventory(ctx context.Context, now time.Time) (Inventory, error) {
	return s.ExportInventoryWith(ctx, now, false)
}

// ExportInventoryWith is ExportInventory, with the evidence files (their
// records and content, checked against their hashes) when withEvidence.
func (s *Store) ExportInventoryWith(ctx context.Context, now time.Time, withEvidence bool) (Inventory, error) {
	inv := Inventory{Schema: InventorySchema, ExportedAt: now.UTC(), Settings: map[string]string{},
		Accounts: []InventoryAccount{}}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return inv, fmt.Errorf("export inventory: %w", err)
	}
	defer tx.Rollback()
	all, err := listAccounts(ctx, tx)
	if err != nil {
		return inv, fmt.Errorf("export inventory: %w", err)
	}
	tracks, err := allTracks(ctx, tx)
	if err != nil {
		return inv, fmt.Errorf("export inventory: %w", err)
	}
	for _, a := range all {
		t := tracks[a.ID]
		if t == nil {
			t = []accounts.Track{}
		}
		inv.Accounts = append(inv.Accounts, InventoryAccount{Account: a, Tracks: t})
	}
	if inv.Events, err = eventsBetween(ctx, tx, time.Time{}, time.Time{}); err != nil {
		return inv, fmt.Errorf("export inventory: %w", err)
	}
	if inv.Reminders, err = listReminders(ctx, tx, ReminderFilter{}); err != nil {
		return inv, fmt.Errorf("export inventory: %w", err)
	}
	if inv.PhoneChecks, err = listPhoneChecks(ctx, tx); err != nil {
		return inv, fmt.Errorf("export inventory: %w", err)
	}
	if withEvidence {
		if err := s.exportEvidence(ctx, tx, &inv); err != nil {
			return inv, fmt.Errorf("export inventory: %w", err)
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT key, value FROM settings WHERE key NOT LIKE 'store.%'")
	if err != nil {
		return inv, fmt.Errorf("export inventory: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return inv, err
		}
		inv.Settings[k] = v
	}
	return inv, rows.Err()
}
