package agenda

import (
	"io"
	"time"

	"fyne.io/fyne/v2"

	"github.com/unbindapp/unbind/accounts"
)

// Shell is what the agenda needs from the app around it.
type Shell interface {
	// Reminders returns the open reminders of every account.
	Reminders() ([]accounts.Reminder, error)
	// MarkDone closes a reminder as done and returns it as stored.
	MarkDone(id string) (accounts.Reminder, error)
	// Snooze puts a reminder off for d and returns it as stored.
	Snooze(id string, d time.Duration) (accounts.Reminder, error)
	// OpenAccount shows an account's reminders in the main window.
	OpenAccount(id string)
	// SaveICS writes the calendar of every reminder to w, as
	// `unbindctl remind export-ics` does, and returns how many events.
	SaveICS(w io.Writer) (int, error)
	// Window is the window the agenda is in, for its dialogs.
	Window() fyne.Window
	// Now is the app's clock.
	Now() time.Time
	// ShowError shows err in the person's language.
	ShowError(err error)
}
