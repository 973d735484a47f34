// Package accounts is Unbind's domain: the accounts a person holds on
// shopping platforms, the deactivation tracks they work through, the one
// status machine every change passes, the append-only event history, and the
// reminder model. It knows nothing about Fyne, SQLite or the keyring: it owns
// the Repo and Secrets interfaces that accounts/store and accounts/vault
// implement, and Service ties them together for the GUI and the CLI.
package accounts
