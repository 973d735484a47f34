package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// Store is the part of accounts/store an import writes through;
// *store.Store implements it.
type Store interface {
	ImportItems(ctx context.Context, in []store.ImportItem, source string, now time.Time) (store.ImportResult, error)
	Accounts(ctx context.Context) ([]accounts.Account, error)
}

// Keyring stores one secret of a stored account and records that it is
// set; *accounts.Service implements it over the OS keyring.
type Keyring interface {
	SetSecret(ctx context.Context, id string, field accounts.SecretField, value string) error
}

// ApplyOptions say how Apply writes.
type ApplyOptions struct {
	// Source names the import in the history, e.g. "chrome-csv: passwords.csv".
	Source string
	// Now is the time recorded; zero means time.Now.
	Now time.Time
	// Keyring, when set, receives the passwords of the chosen proposals
	// once the accounts are committed. Nil stores no password.
	Keyring Keyring
}

// ApplyResult is what Apply did.
type ApplyResult struct {
	store.ImportResult
	// AlreadyThere counts proposals without a login that were left out
	// because the inventory already holds an account without a login on
	// the same platform (and, for other platforms, with the same name):
	// the store cannot merge accounts without a login, so this keeps a
	// second import of the same file from adding them again.
	AlreadyThere int `json:"already_there"`
	// Passwords reports the keyring writes.
	Passwords PasswordResult `json:"passwords"`
}

// PasswordResult reports the keyring writes of an import. The accounts
// are committed before the first keyring write, so a keyring failure never
// undoes them; importing again with passwords stores the rest.
type PasswordResult struct {
	// Requested says whether passwords were to be stored at all.
	Requested bool `json:"requested"`
	// Offered counts the imported accounts whose entry had a password.
	Offered int `json:"offered"`
	// Stored counts the passwords written to the keyring now.
	Stored int `json:"stored"`
	// Kept counts accounts that already had a password in the keyring:
	// it is never overwritten, like every other field a merge meets.
	Kept int `json:"kept"`
	// NotStored counts the passwords left out after a keyring failure.
	NotStored int `json:"not_stored"`
	// Error is the keyring failure, one line; "" when none.
	Error string `json:"error,omitempty"`

	err error
}

// Err returns the keyring failure, or nil.
func (p PasswordResult) Err() error { return p.err }

// ErrNothingChosen is returned by Apply when no proposal was given.
var ErrNothingChosen = errors.New("import: no entries chosen")

// Apply writes the chosen proposals to the inventory in one transaction
// (all or nothing, see store.ImportItems), then, when opts.Keyring is
// set, stores their passwords. A failure before or during the transaction
// is the returned error and nothing was written. A keyring failure is not:
// the accounts stay imported and the result's Passwords says how far it
// got.
func Apply(ctx context.Context, st Store, chosen []Proposal, opts ApplyOptions) (ApplyResult, error) {
	var res ApplyResult
	if len(chosen) == 0 {
		return res, ErrNothingChosen
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	now = now.UTC().Truncate(time.Millisecond)
	existing, err := st.Accounts(ctx)
	if err != nil {
		return res, fmt.Errorf("import: read the inventory: %w (nothing was written)", err)
	}
	hasPassword := make(map[string]bool, len(existing))
	loginless := map[string]bool{}
	for _, a := range existing {
		for _, f := range a.SecretFields {
			if f == accounts.SecretPassword {
				hasPassword[a.ID] = true
			}
		}
		if accounts.NormaliseLogin(a.Login) == "" {
			loginless[loginlessKey(a.PlatformID, a.Name)] = true
		}
	}
	batch := make([]store.ImportItem, 0, len(chosen))
	props := make([]Proposal, 0, len(chosen))
	for _, p := range chosen {
		a := p.Account()
		if accounts.NormaliseLogin(a.Login) == "" && p.MergeInto == "" && !p.AddNew {
			k := loginlessKey(a.PlatformID, a.Name)
			if loginless[k] {
				res.AlreadyThere++
				continue
			}
			loginless[k] = true
		}
		batch = append(batch, store.ImportItem{Account: a, MergeInto: p.MergeInto, AddNew: p.AddNew})
		props = append(props, p)
	}
	if len(batch) > 0 {
		if res.ImportResult, err = st.ImportItems(ctx, batch, opts.Source, now); err != nil {
			return ApplyResult{}, err
		}
	}
	if opts.Keyring != nil {
		res.Passwords = storePasswords(ctx, opts.Keyring, props, res.IDs, hasPassword)
	}
	return res, nil
}

// loginlessKey identifies an account without a login: its platform, and
// for accounts on no catalog platform also its name.
func loginlessKey(platformID, name string) string {
	platformID = strings.ToLower(strings.TrimSpace(platformID))
	if platformID == accounts.CustomPlatform || platformID == "" {
		return accounts.CustomPlatform + "\x00" + strings.ToLower(strings.TrimSpace(name))
	}
	return platformID
}

// storePasswords writes the proposals' passwords to their accounts (ids,
// in the same order) unless the account already has one. It stops at the
// first failure: keyring failures (locked, absent, not answering) are
// rarely about one entry, and each may take the keyring's whole timeout.
func storePasswords(ctx context.Context, k Keyring, props []Proposal, ids []string, hasPassword map[string]bool) PasswordResult {
	pr := PasswordResult{Requested: true}
	done := map[string]bool{}
	for i, p := range props {
		if !p.Password.IsSet() || i >= len(ids) {
			continue
		}
		pr.Offered++
		id := ids[i]
		if pr.err != nil {
			pr.NotStored++
			continue
		}
		if hasPassword[id] || done[id] {
			pr.Kept++
			continue
		}
		if err := ctx.Err(); err != nil {
			pr.err = err
			pr.NotStored++
			continue
		}
		if err := k.SetSecret(ctx, id, accounts.SecretPassword, p.Password.Reveal()); err != nil {
			pr.err = fmt.Errorf("store the password of %q (line %d) in the keyring: %w", p.Name, p.Line, err)
			pr.NotStored++
			continue
		}
		done[id] = true
		pr.Stored++
	}
	if pr.err != nil {
		pr.Error = strings.ReplaceAll(pr.err.Error(), "\n", " ")
	}
	return pr
}
