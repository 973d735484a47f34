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
