// Package ui is Unbind's desktop app in Fyne: the account inventory on the
// left, the selected account's steps, credentials, reminders and history on
// the right, plus forms, settings, the tray and notifications.
//
// It holds no business rules. Every change goes through accounts.Service
// (or the store's reminder and setting calls), errors from the domain are
// shown with dialog.ShowError, and what the list needs is worked out by
// package ui/inventory on plain data. Views are structs of widgets with
// onX handlers that call the domain and then refresh. Every user-visible
// string goes through fyne.io/fyne/v2/lang with the English text as key;
// assets/i18n holds the Chinese and English files.
package ui
