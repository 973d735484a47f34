package ui

import (
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/ui/account"
)

// The shell as the account pane sees it (account.Shell).
var _ account.Shell = (*UI)(nil)

// Env returns the pane's dependencies as they are now.
func (u *UI) Env() account.Env {
	return account.Env{
		Window: u.win, Ctx: u.ctx, Service: u.svc, Reminders: u.rem, Store: u.d.Store,
		Catalog: u.d.Catalog, Calendar: u.d.Calendar, Lang: u.d.Lang, DataDir: u.d.DataDir,
		Clip: u.clip, Clipboard: u.app.Clipboard(), Now: u.Now, After: u.after,
	}
}

// ShowError shows err in the person's language.
func (u *UI) ShowError(err error) { u.showError(err) }

// AccountChanged reloads one account after a change to it.
func (u *UI) AccountChanged(id string) { u.refreshAccount(id) }

// SelectAccount shows an account, selecting it in the list when shown.
func (u *UI) SelectAccount(id string) { u.selectAccount(id) }

// CatalogChanged loads the catalog again after a user file changed.
func (u *UI) CatalogChanged() {
	cat, errs := catalog.LoadFor(u.d.DataDir)
	if cat != nil {
		u.d.Catalog = cat
		// The account service's guard and the reminder rules read the
		// catalog too: they start anew on the new one (a new reminder
		// service also syncs in full, not skipped as unchanged).
		u.svc, u.rem = newService(u.d), u.newReminders(u.d)
		u.restartScheduler()
	}
	u.d.CatalogErrors = errs
}

// KeyringProblem is the last "keyring unavailable" error, nil when it works.
func (u *UI) KeyringProblem() error { return u.keyringErr }

// SetKeyringProblem records whether the keyring works.
func (u *UI) SetKeyringProblem(err error) { u.setKeyringErr(err) }

// CheckKeyringOnce asks the keyring the first time it is needed.
func (u *UI) CheckKeyringOnce() {
	if !u.keyringChecked {
		u.checkKeyring()
	}
}
