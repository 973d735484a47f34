package ui

import (
	"fyne.io/fyne/v2"
	"github.com/unbindapp/unbind/ui/kit"
)

// switchLanguage changes the UI language at once (Fyne's lang has no
// override, so the translations are loaded again and the window's content,
// menus and tray are rebuilt; the selected account and the filters stay).
// Reminder titles are derived again in the new language first.
func (u *UI) switchLanguage(choice string) {
	u.d.Lang = kit.SetupLanguage(choice)
	u.prefs.Language = choice
	selected, view := u.detail.ID(), u.views.current
	// The reminders service words titles in its language; the scheduler
	// holds it, so both start anew.
	u.rem = u.newReminders(u.d)
	u.restartScheduler()
	// The titles are derived again before the window is rebuilt, so it
	// shows them in the new language (a fraction of a second even for a
	// large inventory; the person just asked for the switch).
	if _, err := u.rem.Sync(u.ctx, u.Now()); err != nil {
		fyne.LogError("sync reminders after a language switch", err)
	}
	u.toolView = nil // a tool's view was built in the old language
	u.build(view)
	u.setupMenu()
	if u.tray != nil {
		u.setupTray()
		u.win.SetCloseIntercept(u.onClose)
	}
	u.win.SetTitle(u.title())
	u.query = u.query.Reset()
	u.Reload()
	if selected != "" {
		u.selectAccount(selected)
	}
}
