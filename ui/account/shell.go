package account

import (
	"context"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/kit"
)

// Shell is what the account pane needs from the app around it: the
// current dependencies, and the few things only the shell can do (show
// an error, refresh the list after a change, track the keyring).
type Shell interface {
	// Env returns the dependencies as they are now (opening the demo
	// swaps the store and services).
	Env() Env
	// ShowError shows err in the person's language; nil shows nothing.
	ShowError(err error)
	// AccountChanged reloads one account in the list and this pane after a
	// change to it; SelectAccount shows one, selecting it in the list.
	AccountChanged(id string)
	SelectAccount(id string)
	// Reload reloads the whole inventory (after an add or a delete).
	Reload()
	// CatalogChanged loads the catalog again after a user file changed.
	CatalogChanged()
	// KeyringProblem is the last "keyring unavailable" error, nil when
	// it works; SetKeyringProblem records one (or nil when it works
	// again); CheckKeyringOnce asks the keyring in the background the
	// first time the person opens the Credentials tab.
	KeyringProblem() error
	SetKeyringProblem(err error)
	CheckKeyringOnce()
}

// Env are the dependencies of the account pane.
type Env struct {
	Window    fyne.Window
	Ctx       context.Context
	Service   *accounts.Service
	Reminders *reminders.Service
	Store     *store.Store
	Catalog   *catalog.Catalog
	// Calendar counts review deadlines; nil counts weekends only.
	Calendar *workdays.Calendar
	// Lang is "zh" or "en", for catalog text.
	Lang    string
	DataDir string
	// Clip copies secrets and clears them again; Clipboard is the plain
	// clipboard, for letters.
	Clip      *kit.ClipGuard
	Clipboard fyne.Clipboard
	Now       func() time.Time
	// After schedules what the pane does later (hide a revealed secret,
	// the Undo offer); nil is time.AfterFunc. Tests pass one that never
	// fires: Fyne's test driver would run the callback on the timer's
	// goroutine.
	After func(time.Duration, func()) *time.Timer
	// OpenFile opens an evidence file in the system viewer; nil opens it
	// through the app's OpenURL. Tests record the path instead.
	OpenFile func(path string) error
}

// shell is the Shell with the helpers every view of the pane shares.
type shell struct {
	Shell
	view *View
	undo undoOffer
	// deleteChoice is the keep/delete-evidence choice of the open delete
	// dialog, for tests.
	deleteChoice *widget.RadioGroup
	// thumbs are the evidence thumbnails by SHA-256 (nil: none possible).
	thumbs map[string]image.Image
}

func (u *shell) env() Env { return u.Env() }

// after is Env.After, or time.AfterFunc.
func (u *shell) after(d time.Duration, f func()) *time.Timer {
	if a := u.env().After; a != nil {
		return a(d, f)
	}
	return time.AfterFunc(d, f)
}

func (u *shell) platform(id string) (catalog.Platform, bool) {
	if c := u.env().Catalog; c != nil {
		return c.Platform(id)
	}
	return catalog.Platform{}, false
}

// platformNames gives the display name of a platform and the other names
// a search should find it by.
func (u *shell) platformNames(id string) (string, []string) {
	if p, ok := u.platform(id); ok {
		return p.Names.In(u.env().Lang), append([]string{p.Names.Zh, p.Names.En}, p.Aliases...)
	}
	if id == accounts.CustomPlatform {
		return lang.L("Other platform"), nil
	}
	return id, nil
}

// View is the right side of the window: the selected account's header,
// steps, credentials, reminders and history.
type View struct {
	u *shell
	d *detailView
}

// New builds the account pane over s.
func New(s Shell) *View {
	v := &View{u: &shell{Shell: s}}
	v.u.view = v
	v.d = newDetailView(v.u)
	return v
}

// Content is the pane's root object.
func (v *View) Content() fyne.CanvasObject { return v.d.content }

// Show loads and shows one account.
func (v *View) Show(id string) { v.d.show(id) }

// Clear shows the "select an account" hint.
func (v *View) Clear() { v.d.clear() }

// ID is the account shown, "" for none.
func (v *View) ID() string { return v.d.id }

// ShowKeyringProblem updates the Credentials tab's banner.
func (v *View) ShowKeyringProblem(err error) { v.d.creds.showKeyringProblem(err) }

// OpenTab shows the named tab: steps, credentials, reminders or history.
func (v *View) OpenTab(name string) {
	for i, n := range []string{"steps", "credentials", "reminders", "history"} {
		if n == name {
			v.d.tabs.SelectIndex(i)
		}
	}
}

// OpenAdd opens the form for a new account.
func (v *View) OpenAdd() { v.u.onAdd() }
