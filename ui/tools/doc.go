// Package tools holds the GUI's one-off jobs over the whole inventory: the
// import wizard for password-manager exports (with its preview), the
// 一证通查 comparison form, and the backup and restore dialogs.
//
// Each takes a window and Deps (the store, keyring, catalog, language and
// clock) and a done func to call when it wrote something, so the shell
// can reload; nothing here reaches back into package ui. Slow work runs
// off the UI goroutine and comes back through fyne.DoAndWait.
package tools
