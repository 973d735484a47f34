//go:build !linux && !freebsd && !openbsd && !netbsd

package ui

// trayAvailable: macOS and Windows always have a tray (menu bar extras,
// the notification area).
func trayAvailable() bool { return true }
