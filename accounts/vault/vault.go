package vault

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/zalando/go-keyring"
)

// Service is the keyring service name every entry is stored under.
const Service = "Unbind"

// DefaultTimeout bounds each keyring call. It leaves time for a person to
// answer an unlock prompt, but not forever.
const DefaultTimeout = 15 * time.Second

// Windows caps a credential at 2560 bytes and macOS's security tool a whole
// command at 4096, so longer values are split into parts of at most
// chunkBytes, and a value may not exceed MaxValueBytes in all.
const (
	chunkBytes    = 1800
	MaxValueBytes = 64 * 1024
	manifestTag   = "unbind-chunks:v1:"
)

// Backend is the keyring the vault talks to; go-keyring by default.
type Backend interface {
	Set(service, user, value string) error
	Get(service, user string) (string, error)
	Delete(service, user string) error
}

type goKeyring struct{}

func (goKeyring) Set(s, u, v string) error        { return keyring.Set(s, u, v) }
func (goKeyring) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (goKeyring) Delete(s, u string) error        { return keyring.Delete(s, u) }

// Options configure a Vault; zero values mean the defaults.
type Options struct {
	Timeout time.Duration
	Service string
	Backend Backend
	// Scope is the data folder's ID (store.FolderID): every entry is keyed
	// by it, so two data folders (a restored copy, a second profile) never
	// read, overwrite or erase each other's secrets. Entries written before
	// scopes existed are moved under the scope when first touched.
	Scope string
}

// Vault stores secrets per account and field.
type Vault struct {
	timeout time.Duration
	service string
	backend Backend
	scope   string

	mu    sync.Mutex
	stuck bool // a call timed out and has not returned yet
}

var _ accounts.Secrets = (*Vault)(nil)

// New returns a Vault over the OS keyring (or opts.Backend).
func New(opts Options) *Vault {
	v := &Vault{timeout: opts.Timeout, service: opts.Service, backend: opts.Backend, scope: opts.Scope}
	if v.timeout <= 0 {
		v.timeout = DefaultTimeout
	}
	if v.service == "" {
		v.service = Service
	}
	if v.backend == nil {
		v.backend = goKeyring{}
	}
	return v
}

// user is the keyring user name of an account's field: scope/account/field,
// or account/field without a scope (as every entry was before scopes).
func (v *Vault) user(accountID string, field accounts.SecretField) string {
	if v.scope == "" {
		return legacyUser(accountID, field)
	}
	return v.scope + "/" + accountID + "/" + string(field)
}

func legacyUser(accountID string, field accounts.SecretField) string {
	return accountID + "/" + string(field)
}

func partUser(base string, n int) string { return base + "#" + strconv.Itoa(n) }

// call runs fn with the timeout. go-keyring has no cancellation, so a call
// that hangs is left behind; until it returns, further calls fail at once
// instead of piling up more stuck goroutines.
func (v *Vault) call(op string, fn func() error) error {
	v.mu.Lock()
	if v.stuck {
		v.mu.Unlock()
		return &Error{Op: op, Kind: KindTimeout, Hint: "an earlier keyring call is still waiting; " + timeoutHint}
	}
	v.mu.Unlock()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	timer := time.NewTimer(v.timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		return classify(op, err)
	case <-timer.C:
		v.mu.Lock()
		v.stuck = true
		v.mu.Unlock()
		go func() {
			<-done
			v.mu.Lock()
			v.stuck = false
			v.mu.Unlock()
		}()
		return &Error{Op: op, Kind: KindTimeout, Hint: fmt.Sprintf("no answer within %s; %s", v.timeout, timeoutHint)}
	}
}

func classify(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return &Error{Op: op, Kind: KindNotFound}
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return &Error{Op: op, Kind: KindTooLong, Cause: err, Hint: "shorten the value"}
	}
	return &Error{Op: op, Kind: KindUnavailable, Cause: err, Hint: unavailableHint()}
}

// Check asks the keyring for an entry that does not exist: a working
// keyring answers "not found", a missing or locked one an error.
func (v *Vault) Check() error {
	err := v.call("check the keyring", func() error {
		_, err := v.backend.Get(v.service, "unbind-keyring-check")
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// Set stores value for the account's field, splitting long values.
func (v *Vault) Set(accountID string, field accounts.SecretField, value string) error {
	op := fmt.Sprintf("store %s of %s", field, accountID)
	if len(value) > MaxValueBytes {
		return &Error{Op: op, Kind: KindTooLong, Hint: fmt.Sprintf("the value has %d bytes; the limit is %d", len(value), MaxValueBytes)}
	}
	if err := v.set(op, v.user(accountID, field), value); err != nil {
		return err
	}
	v.dropLegacy(op, accountID, field)
	return nil
}

// set writes value under base, splitting long values.
func (v *Vault) set(op, base, value string) error {
	oldParts, err := v.partCount(op, base)
	if err != nil {
		return err
	}
	if len(value) <= chunkBytes && !strings.HasPrefix(value, manifestTag) {
		if err := v.call(op, func() error { return v.backend.Set(v.service, base, value) }); err != nil {
			return err
		}
		v.deleteParts(op, base, 1, oldParts)
		return nil
	}
	parts := split(value, chunkBytes)
	for i, p := range parts {
		if err := v.call(op, func() error { return v.backend.Set(v.service, partUser(base, i+1), p) }); err != nil {
			return err
		}
	}
	sum := sha256.Sum256([]byte(value))
	manifest := fmt.Sprintf("%s%d:%s", manifestTag, len(parts), hex.EncodeToString(sum[:]))
	if err := v.call(op, func() error { return v.backend.Set(v.service, base, manifest) }); err != nil {
		return err
	}
	v.deleteParts(op, base, len(parts)+1, oldParts)
	return nil
}

// Get reads the account's field, joining split values and checking them.
// An entry from before scopes is moved under this vault's scope.
func (v *Vault) Get(accountID string, field accounts.SecretField) (string, error) {
	op := fmt.Sprintf("read %s of %s", field, accountID)
	value, err := v.get(op, v.user(accountID, field))
	if v.scope == "" || !errors.Is(err, ErrNotFound) {
		return value, err
	}
	legacy, lerr := v.get(op, legacyUser(accountID, field))
	if lerr != nil {
		return "", err // report the scoped "not found"
	}
	if err := v.set(op, v.user(accountID, field), legacy); err != nil {
		return "", err
	}
	v.dropLegacy(op, accountID, field)
	return legacy, nil
}

// dropLegacy removes a pre-scope entry of the field, once it is under the
// scope (or deleted); errors are left for the scoped call to report.
func (v *Vault) dropLegacy(op, accountID string, field accounts.SecretField) {
	if v.scope == "" {
		return
	}
	base := legacyUser(accountID, field)
	parts, err := v.partCount(op, base)
	if err != nil {
		return
	}
	_ = v.call(op, func() error { return v.backend.Delete(v.service, base) })
	v.deleteParts(op, base, 1, parts)
}

func (v *Vault) get(op, base string) (string, error) {
	var head string
	if err := v.call(op, func() (err error) { head, err = v.backend.Get(v.service, base); return }); err != nil {
		return "", err
	}
	n, sum, ok := parseManifest(head)
	if !ok {
		return head, nil
	}
	var b strings.Builder
	for i := 1; i <= n; i++ {
		var part string
		if err := v.call(op, func() (err error) { part, err = v.backend.Get(v.service, partUser(base, i)); return }); err != nil {
			if errors.Is(err, ErrNotFound) {
				return "", &Error{Op: op, Kind: KindDamaged, Hint: fmt.Sprintf("part %d of %d is missing; store the value again", i, n)}
			}
			return "", err
		}
		b.WriteString(part)
	}
	got := sha256.Sum256([]byte(b.String()))
	if hex.EncodeToString(got[:]) != sum {
		return "", &Error{Op: op, Kind: KindDamaged, Hint: "its parts do not match; store the value again"}
	}
	return b.String(), nil
}

// Delete removes the account's field and any parts of it (and an entry
// from before scopes).
func (v *Vault) Delete(accountID string, field accounts.SecretField) error {
	op := fmt.Sprintf("delete %s of %s", field, accountID)
	defer v.dropLegacy(op, accountID, field)
	base := v.user(accountID, field)
	parts, err := v.partCount(op, base)
	if err != nil {
		return err
	}
	if err := v.call(op, func() error { return v.backend.Delete(v.service, base) }); err != nil {
		return err
	}
	v.deleteParts(op, base, 1, parts)
	return nil
}

// DeleteAccount removes every field of an account; missing ones are fine.
func (v *Vault) DeleteAccount(accountID string) error {
	for _, f := range accounts.SecretFields {
		if err := v.Delete(accountID, f); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
	}
	return nil
}

// partCount returns how many parts the stored value has: 0 when it is not
// split or not there. Any other failure (a keyring that is missing, locked
// or silent) is returned, so the person sees why, not a later symptom.
func (v *Vault) partCount(op, base string) (int, error) {
	var head string
	err := v.call(op, func() (err error) { head, err = v.backend.Get(v.service, base); return })
	if errors.Is(err, ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, _, _ := parseManifest(head)
	return n, nil
}

func (v *Vault) deleteParts(op, base string, from, to int) {
	for i := from; i <= to; i++ {
		_ = v.call(op, func() error { return v.backend.Delete(v.service, partUser(base, i)) })
	}
}

func parseManifest(s string) (n int, sum string, ok bool) {
	rest, found := strings.CutPrefix(s, manifestTag)
	if !found {
		return 0, "", false
	}
	count, sum, found := strings.Cut(rest, ":")
	n, err := strconv.Atoi(count)
	if !found || err != nil || n < 1 || n > MaxValueBytes/chunkBytes+1 || len(sum) != 64 {
		return 0, "", false
	}
	return n, sum, true
}

// split cuts s into parts of exactly size bytes (the last may be shorter).
// Values are bytes, not text: the keyrings store bytes, Get joins the parts
// byte for byte and checks the SHA-256, so a cut inside a UTF-8 sequence
// is harmless. Cutting on rune starts instead looped for ever on a value
// with size or more continuation bytes in a row. The loop runs
// len(s)/size times at most.
func split(s string, size int) []string {
	parts := make([]string, 0, len(s)/size+1)
	for len(s) > size {
		parts = append(parts, s[:size])
		s = s[size:]
	}
	return append(parts, s)
}
