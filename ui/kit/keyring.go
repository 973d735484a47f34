package kit

import (
	"errors"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/vault"
)

// KeyringDown reports errors that mean no keyring at all, as opposed to a
// problem with one value.
func KeyringDown(err error) bool {
	return errors.Is(err, vault.ErrUnavailable) || errors.Is(err, accounts.ErrNoKeyring)
}

// KeyringError is what a keyring error means to the person (Explain's
// message), for the Credentials tab's banner and dialogs.
func KeyringError(err error) error { return FriendlyError(err) }
