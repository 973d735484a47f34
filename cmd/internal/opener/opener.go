// Package opener opens what both binaries run on the same way: the keyring
// scoped to the data folder with one timeout rule, the catalog and the
// holiday calendar with one fallback rule. It imports no Fyne, so
// unbindctl still builds with CGO_ENABLED=0.
package opener

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/vault"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// KeyringTimeoutEnv overrides the bound on every keyring call (a Go
// duration, e.g. 2s), mainly for tests.
const KeyringTimeoutEnv = "UNBIND_KEYRING_TIMEOUT"

// KeyringTimeout is vault.DefaultTimeout, or $UNBIND_KEYRING_TIMEOUT.
func KeyringTimeout() time.Duration {
	if d, err := time.ParseDuration(os.Getenv(KeyringTimeoutEnv)); err == nil && d > 0 {
		return d
	}
	return vault.DefaultTimeout
}

// Vault is the OS keyring, scoped to the store's data folder.
func Vault(ctx context.Context, st *store.Store) (*vault.Vault, error) {
	scope, err := st.FolderID(ctx)
	if err != nil {
		return nil, err
	}
	return vault.New(vault.Options{Timeout: KeyringTimeout(), Scope: scope}), nil
}

// Catalog is the built-in catalog plus the data folder's files; problems
// in those files come back to be shown, the rest loads.
func Catalog(dir string) (*catalog.Catalog, []error) { return catalog.LoadFor(dir) }

// Calendar is the holiday calendar with the data folder's files. A broken
// user file does not stop Unbind: the embedded years are used, and the
// problem comes back as a warning to show.
func Calendar(dir string) (cal *workdays.Calendar, warning error) {
	cal, err := workdays.LoadDefaultCalendar(dir)
	if err == nil {
		return cal, nil
	}
	fallback, ferr := workdays.LoadDefaultCalendar("")
	if ferr != nil {
		return nil, fmt.Errorf("load holiday calendar: %w", ferr)
	}
	return fallback, fmt.Errorf("your holiday files were not used (%v); counting with the built-in years", err)
}
