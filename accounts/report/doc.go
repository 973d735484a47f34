// Package report builds Unbind's audit report and writes it as HTML, PDF,
// CSV or JSON. The report is how a person proves to themselves (or to a
// regulator, a bank, a family member) where they stand: which accounts still
// exist, which still hold their real name and phone, what was requested
// when, and what is overdue.
//
// Build turns an Input (accounts, tracks, events, reminders, platform
// catalog facts, a working-day calendar) into a *Report, the one model every
// format and both front ends (GUI and CLI) use. FromStore gathers the Input
// from an open store. Write and WriteFile render a Report; Verify checks the
// SHA-256 footer of a written file.
//
// Privacy rules, enforced here and not by the callers:
//   - Login, phone and e-mail are masked unless Options.Unmasked is set.
//   - Free text the person typed (account notes, event notes and evidence,
//     custom reminder titles) appears only in unmasked reports; a masked
//     report leaves it out entirely rather than trying to mask it.
//   - The report never reads the keyring: it knows only the names of the
//     secret fields an account has stored (Account.SecretFields), never a
//     value.
//
// What each format's SHA-256 footer covers is documented in SCHEMA.md and
// on the Digest functions.
package report
