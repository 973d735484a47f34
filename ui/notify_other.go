//go:build !linux

package ui

import "errors"

// sendNative is Fyne's job outside Linux: the system names the sender
// from the app's bundle or shortcut.
func sendNative(appName, icon, title, body string) error { return errors.ErrUnsupported }
