package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// tray is the system tray menu: open, due reminders with their count, quit.
type tray struct {
	desk desktop.App
	menu *fyne.Menu
	due  *fyne.MenuItem
}

// setupTray installs the tray when the driver has one and the desktop
// shows tray icons (trayAvailable); without it, closing the window quits.
func (u *UI) setupTray() {
	desk, ok := u.app.(desktop.App)
	if !ok || !trayAvailable() {
		return
	}
	t := &tray{desk: desk}
	open := fyne.NewMenuItem(lang.L("Open Unbind"), u.showWindow)
	t.due = fyne.NewMenuItem(lang.L("No reminders due"), func() {
		u.showWindow()
		u.inv.due.SetChecked(true)
	})
	quit := fyne.NewMenuItem(lang.L("Quit"), u.quit)
	quit.IsQuit = true
	t.menu = fyne.NewMenu("Unbind", open, t.due, fyne.NewMenuItemSeparator(), quit)
	desk.SetSystemTrayMenu(t.menu)
	desk.SetSystemTrayIcon(Icon())
	// This also sets a close intercept that always hides; New installs
	// onClose after it, which follows the close-to-tray setting.
	desk.SetSystemTrayWindow(u.win)
	u.tray, u.hasTray = t, true
}

func (u *UI) showWindow() {
	u.win.Show()
	u.win.RequestFocus()
}

// updateTray shows how many accounts have reminders due.
func (u *UI) updateTray() {
	if u.tray == nil {
		return
	}
	n := 0
	for i := range u.items {
		n += u.items[i].Due
	}
	if n == 0 {
		u.tray.due.Label = lang.L("No reminders due")
	} else {
		u.tray.due.Label = lang.L("Reminders due: {{.N}}", map[string]int{"N": n})
	}
	u.tray.menu.Refresh()
}
