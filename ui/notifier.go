package ui

import (
	"fyne.io/fyne/v2"

	"github.com/unbindapp/unbind/reminders"
)

// Notifier delivers reminders as OS notifications through Fyne (D-Bus
// org.freedesktop.Notifications on Linux, the notification centre on
// macOS, toasts on Windows).
type Notifier struct {
	app fyne.App
}

var _ reminders.Notifier = (*Notifier)(nil)

// NewNotifier returns a Notifier sending through a.
func NewNotifier(a fyne.App) *Notifier { return &Notifier{app: a} }

// Notify sends one notification. It is safe from any goroutine: the send
// is handed to Fyne's main goroutine with fyne.Do.
func (n *Notifier) Notify(title, body string) error {
	note := fyne.NewNotification(title, body)
	fyne.Do(func() { n.app.SendNotification(note) })
	return nil
}
