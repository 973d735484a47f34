// Package backup writes the whole inventory (accounts, tracks, history,
// reminders, phone checks; never a secret) to one JSON file, encrypted
// with a passphrase (age, scrypt) unless the person asks for plain text,
// and reads such a file back for a restore.
//
// Reading treats the file as hostile: bounded size, strict JSON with no
// unknown fields, and every record checked (statuses and their
// transitions, dates, references between records) before anything is
// restored, so a restore is all or nothing. Every error is an *Error of
// one line naming the line it applies to; the sentinels (ErrNotBackup,
// ErrVersion, ErrInvalid, ErrTooLarge, ErrEncrypted, ErrPassphrase) work
// with errors.Is.
package backup
