// Package account is the right side of the window: one account's header
// (status, next step, cooling-off warning, running reviews), its steps
// per track with blockers and sources, its credentials in the keyring,
// its reminders and its history, and the forms that add or edit an
// account or a custom platform.
//
// It needs from the app only what Shell offers (the current Env, error
// dialogs, "this account changed", the keyring state); the shell in
// package ui implements it, and the tests here use a small one over a
// real SQLite file.
package account
