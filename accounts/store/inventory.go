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
}

// InventoryAccount is an account with its tracks. SecretFields only names
// fields; their values stay in the keyring of the computer they came from.
type InventoryAccount struct {
	accounts.Account
	Tracks []accounts.Track `json:"tracks"`
}

// ExportInventory reads the whole inventory inside one transaction, so the
// copy is consistent even while another process writes.
func (s *Store) ExportInventory(ctx context.Context, now time.Time) (Inventory, error) {
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
