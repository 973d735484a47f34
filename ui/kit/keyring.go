package kit

import (
	"errors"

	"fyne.io/fyne/v2/lang"
	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/vault"
)

// KeyringDown reports errors that mean no keyring at all, as opposed to a
// problem with one value.
func KeyringDown(err error) bool {
	return errors.Is(err, vault.ErrUnavailable) || errors.Is(err, accounts.ErrNoKeyring)
}

// KeyringError says in the UI language what a keyring error means; the
// vault's own text (English, with what to do) follows.
func KeyringError(err error) error {
	switch {
	case KeyringDown(err):
		return errors.New(lang.L("The system keyring is not available, so passwords cannot be shown or saved right now. Your accounts, steps and reminders keep working.") +
			"\n\n" + err.Error())
	case errors.Is(err, accounts.ErrNotFound):
		return errors.New(lang.L("The keyring holds no value for this field; it may have been removed outside Unbind. Add it again if you need it."))
	}
	return FriendlyError(err)
}
