//go:build linux || freebsd || openbsd || netbsd

package ui

import (
	"github.com/godbus/dbus/v5"
)

// trayAvailable asks the session bus whether a StatusNotifier host
// (KDE, most panels, GNOME's AppIndicator extension) is listening: Fyne's
// tray uses it, and without one a hidden window could not come back.
func trayAvailable() bool {
	conn, err := dbus.SessionBusPrivate()
	if err != nil {
		return false
	}
	defer conn.Close()
	if err := conn.Auth(nil); err != nil {
		return false
	}
	if err := conn.Hello(); err != nil {
		return false
	}
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	return err == nil && has
}
