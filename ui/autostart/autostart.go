// Package autostart switches "start at login" for the desktop app without
// Fyne: an XDG autostart .desktop file on Linux and the BSDs, a
// LaunchAgent plist on macOS, and a value under the HKCU Run key on
// Windows. Each works for the current user only and needs no privileges.
package autostart

import (
	"errors"
	"os"
)

// Entry describes what to start.
type Entry struct {
	ID   string   // reverse-DNS app ID, used as the file or value name
	Name string   // shown by the desktop in its startup list
	Exec string   // absolute path of the executable
	Args []string // e.g. --minimized
}

// ErrUnsupported is returned where no autostart mechanism is known.
var ErrUnsupported = errors.New("start at login is not supported on this system")

// Self returns an Entry for the running executable.
func Self(id, name string, args ...string) (Entry, error) {
	exe, err := os.Executable()
	if err != nil {
		return Entry{}, err
	}
	return Entry{ID: id, Name: name, Exec: exe, Args: args}, nil
}

// Enable makes e start at login (replacing an older entry).
func Enable(e Entry) error { return enable(e) }

// Disable removes e's entry; a missing one is not an error.
func Disable(e Entry) error { return disable(e) }

// Enabled reports whether an entry for e exists.
func Enabled(e Entry) (bool, error) { return enabled(e) }
