// Package store keeps Unbind's accounts, tracks, history, reminders and
// settings in one SQLite file (modernc.org/sqlite, no cgo). Every connection
// gets its pragmas from the DSN, writes use BEGIN IMMEDIATE so two processes
// (GUI and CLI) queue on busy_timeout instead of failing, and the schema is
// migrated by embedded SQL files keyed on PRAGMA user_version, with a backup
// taken before an existing file is changed. Secret values never reach it.
package store
