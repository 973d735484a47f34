package accounts

import (
	"fmt"
	"slices"
	"time"
)

// ReminderKind says which rule made a reminder.
type ReminderKind string

// The reminder kinds; package reminders derives all but custom ones.
const (
	ReminderPrerequisite ReminderKind = "prerequisite" // an unmet prerequisite before an irreversible step
	ReminderReviewDue    ReminderKind = "review_due"   // the platform's review window ends
	ReminderEscalation   ReminderKind = "escalation"   // still not done long after submission
	ReminderPostCheck    ReminderKind = "post_check"   // check a deactivation really happened
	ReminderCoolingOff   ReminderKind = "cooling_off"  // a cooling-off started: do not sign in until it ends
	ReminderCoolingEnd   ReminderKind = "cooling_end"  // a cooling-off ended: confirm the account is gone
	ReminderBackup       ReminderKind = "backup"       // periodic backup of a kept account
	ReminderCustom       ReminderKind = "custom"       // made by the person
)

// ReminderState is where a reminder is in its lifecycle.
type ReminderState string

// The lifecycle: pending → fired → done | snoozed (until a time) | dismissed.
const (
	ReminderPending   ReminderState = "pending"
	ReminderFired     ReminderState = "fired"
	ReminderDone      ReminderState = "done"
	ReminderSnoozed   ReminderState = "snoozed"
	ReminderDismissed ReminderState = "dismissed"
)

// reminderTransitions is the one table of legal reminder state changes. A
// snoozed reminder fires again when its snooze ends; done and dismissed are
// final, so a reminder never fires twice for the same occurrence.
var reminderTransitions = map[ReminderState][]ReminderState{
	ReminderPending: {ReminderFired, ReminderDone, ReminderSnoozed, ReminderDismissed},
	ReminderFired:   {ReminderDone, ReminderSnoozed, ReminderDismissed},
	ReminderSnoozed: {ReminderFired, ReminderDone, ReminderSnoozed, ReminderDismissed},
}

// CanReminderTransition returns nil when the reminder may go from → to.
func CanReminderTransition(from, to ReminderState) error {
	if !slices.Contains(reminderTransitions[from], to) {
		return fmt.Errorf("reminder cannot go from %s to %s: %w", from, to, ErrIllegalTransition)
	}
	return nil
}

// Open reports whether the reminder still wants attention.
func (s ReminderState) Open() bool {
	return s == ReminderPending || s == ReminderFired || s == ReminderSnoozed
}

// Reminder is one thing to do at a time. Rule-made reminders carry a Key
// unique per account (e.g. "review_due:account_delete"), so deriving them
// again updates instead of duplicating.
type Reminder struct {
	ID           string        `json:"id"`
	AccountID    string        `json:"account_id,omitempty"`
	Kind         ReminderKind  `json:"kind"`
	Key          string        `json:"key"`
	Title        string        `json:"title"`
	Body         string        `json:"body,omitempty"`
	DueAt        time.Time     `json:"due_at"`
	State        ReminderState `json:"state"`
	SnoozedUntil *time.Time    `json:"snoozed_until,omitempty"`
	FiredAt      *time.Time    `json:"fired_at,omitempty"`
	ClosedAt     *time.Time    `json:"closed_at,omitempty"`
	CreatedAt    time.Time     `json:"created_at"`
}

// NextAt is when the reminder next wants attention: the end of its snooze
// when snoozed, else its due time. The agenda, the calendar export, the
// report and the overview all order and date reminders by it.
func (r Reminder) NextAt() time.Time {
	if r.State == ReminderSnoozed && r.SnoozedUntil != nil && !r.SnoozedUntil.IsZero() {
		return *r.SnoozedUntil
	}
	return r.DueAt
}

// OpenAndDue reports whether the reminder still wants attention and its
// time (NextAt) has come by now: what the list counts as due. The store's
// ReminderFilter{OpenOnly, DueBy} selects the same reminders in SQL.
func (r Reminder) OpenAndDue(now time.Time) bool {
	return r.State.Open() && !r.NextAt().After(now)
}

// DueBy reports whether the reminder should fire at now: open, not fired
// yet (or its snooze is over), and due.
func (r Reminder) DueBy(now time.Time) bool {
	switch r.State {
	case ReminderPending:
		return !r.DueAt.After(now)
	case ReminderSnoozed:
		return r.SnoozedUntil != nil && !r.SnoozedUntil.After(now)
	}
	return false
}
