// Package importer reads the login exports of password managers and
// browsers — Bitwarden (CSV and unencrypted JSON), KeePassXC, Chrome/Edge,
// Firefox, 1Password and Apple Passwords/Safari — and turns them into
// proposed accounts for the inventory.
//
// Read (or Parse) detects the format from the file itself (the CSV header
// row or the JSON shape), unless one is named, and returns one Entry per
// login with the physical line it starts on. Bad input gives one readable
// line naming the line where it applies; the sentinel errors (ErrUnknownFormat,
// ErrMissingColumn, ErrSyntax, ErrEncoding, ErrEncrypted, ErrTooLarge) work
// with errors.Is and *Error carries the line for a GUI. Files saved by Excel
// on Chinese Windows (GBK/GB18030) are converted, with a notice.
//
// Propose matches each entry's host against the catalog through the tiny
// Matcher interface and collapses duplicates (same platform and login) into
// one Proposal, which becomes an accounts.Account with Proposal.Account.
//
// Apply writes the chosen proposals: the accounts in one store
// transaction (all or nothing), then, when a Keyring is given, their
// passwords to it (the OS keyring), never to the database.
//
// Passwords stay in memory as Secret values: they print, log and marshal as
// "[redacted]", and only Secret.Reveal returns them.
//
// Backups (package backup) and the 一证通查 comparison (package
// phonecheck) used to live here; they read other files for other reasons.
package importer
