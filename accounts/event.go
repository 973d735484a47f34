package accounts

import (
	"slices"
	"time"
)

// EventKind says what an event records.
type EventKind string

// The kinds of events in an account's history.
const (
	EventCreated   EventKind = "created"
	EventEdited    EventKind = "edited"
	EventStatus    EventKind = "status"
	EventStep      EventKind = "step"
	EventUnstep    EventKind = "step_undone"
	EventEvidence  EventKind = "evidence"
	EventBackup    EventKind = "backup"
	EventSecretSet EventKind = "secret_set"
	EventSecretDel EventKind = "secret_deleted"
	EventDeleted   EventKind = "deleted"
	EventImported  EventKind = "imported"
	EventCheck     EventKind = "phone_check"
	EventReminder  EventKind = "reminder"
	// EventFileAdded and EventFileRemoved: an evidence file was attached
	// to a track or removed; To holds its SHA-256, Note its file name.
	EventFileAdded   EventKind = "evidence_file_added"
	EventFileRemoved EventKind = "evidence_file_removed"
)

// EventKinds lists every event kind; a backup may carry no other.
var EventKinds = []EventKind{EventCreated, EventEdited, EventStatus, EventStep, EventUnstep, EventEvidence,
	EventBackup, EventSecretSet, EventSecretDel, EventDeleted, EventImported, EventCheck, EventReminder,
	EventFileAdded, EventFileRemoved}

// Correction says why a ticked checklist item was unticked. History is
// append-only, so a tick is never silently reversed: the step_undone event
// records the reason in From.
type Correction string

// The reasons for unticking.
const (
	// CorrectionUndo: the person pressed Undo right after ticking.
	CorrectionUndo Correction = "undo"
	// CorrectionMistake: the person said later that the tick was a mistake.
	CorrectionMistake Correction = "mistake"
)

// Valid reports whether c is a known reason.
func (c Correction) Valid() bool { return c == CorrectionUndo || c == CorrectionMistake }

// Valid reports whether k is a known event kind.
func (k EventKind) Valid() bool { return slices.Contains(EventKinds, k) }

// Event is one entry of the append-only history. For status events From and
// To are statuses; for others they hold the item concerned (a step key, a
// secret field name) in To. It survives the account's deletion, so the
// audit report can still say what happened; Label keeps the account's name.
type Event struct {
	ID        int64     `json:"id"`
	AccountID string    `json:"account_id"`
	Label     string    `json:"label"`
	At        time.Time `json:"at"`
	Kind      EventKind `json:"kind"`
	Track     TrackKind `json:"track,omitempty"`
	From      string    `json:"from,omitempty"`
	To        string    `json:"to,omitempty"`
	Note      string    `json:"note,omitempty"`
	Evidence  string    `json:"evidence,omitempty"`
	// RestoredFrom and RestoredAt mark an entry that came from a backup:
	// which file and when, so restored history is never passed off as
	// recorded here.
	RestoredFrom string     `json:"restored_from,omitempty"`
	RestoredAt   *time.Time `json:"restored_at,omitempty"`
}
