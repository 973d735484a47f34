package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/reminders"
)

// Notifier delivers reminders as OS notifications through Fyne (D-Bus
// org.freedesktop.Notifications on Linux, the notification centre on
// macOS, toasts on Windows).
type Notifier struct {
	app fyne.App
	// native sends without Fyne (sendNative); tests replace it.
	native func(appName, icon, title, body string) error
}

var _ reminders.Notifier = (*Notifier)(nil)

// NewNotifier returns a Notifier sending through a.
func NewNotifier(a fyne.App) *Notifier { return &Notifier{app: a, native: sendNative} }

// Notify sends one notification under the app's name in the person's
// language (解绑助手 / Unbind): on Linux straight to the desktop's
// notification server, because Fyne names its notifications by the app
// ID; elsewhere, or when that fails, through Fyne. It is safe from any
// goroutine (Fyne's send runs on its main goroutine through fyne.Do).
func (n *Notifier) Notify(title, body string) error {
	if n.native(lang.L("Unbind"), AppID, title, body) == nil {
		return nil
	}
	note := fyne.NewNotification(title, body)
	fyne.Do(func() { n.app.SendNotification(note) })
	return nil
}

// silent drops notifications (demo data).
type silent struct{}

func (silent) Notify(string, string) error { return nil }
