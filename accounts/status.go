package accounts

import (
	"fmt"
	"slices"
)

// Status is where an account stands on its way out of a platform.
type Status string

// The statuses, in the order a deactivation normally runs.
const (
	StatusActive      Status = "active"
	StatusPreparing   Status = "preparing"
	StatusSubmitted   Status = "submitted"
	StatusUnderReview Status = "under_review"
	// StatusCoolingOff: the platform accepted the request and holds the
	// account for a cooling-off period; signing in during it cancels the
	// deletion on most platforms.
	StatusCoolingOff Status = "cooling_off"
	// StatusDeactivated is the real end: the account is gone.
	StatusDeactivated Status = "deactivated"
	StatusRejected    Status = "rejected"
	StatusKept        Status = "kept"
)

// Statuses lists every status in display order.
var Statuses = []Status{
	StatusActive, StatusPreparing, StatusSubmitted, StatusUnderReview,
	StatusCoolingOff, StatusDeactivated, StatusRejected, StatusKept,
}

// transitions is the one table of legal status changes. Nothing else in
// Unbind decides whether a status may change; UI and CLI ask CanTransition.
var transitions = map[Status][]Status{
	// Start preparing (backups, withdrawals), or decide to keep it.
	StatusActive: {StatusPreparing, StatusKept},
	// Submit the request, give up for now, or decide to keep it.
	StatusPreparing: {StatusSubmitted, StatusActive, StatusKept},
	// The platform acknowledges (review), starts a cooling-off, acts at
	// once, refuses, or the person withdraws the request to prepare more.
	StatusSubmitted:   {StatusUnderReview, StatusCoolingOff, StatusDeactivated, StatusRejected, StatusPreparing},
	StatusUnderReview: {StatusCoolingOff, StatusDeactivated, StatusRejected},
	// The cooling-off ends with the account gone, is cancelled (a sign-in,
	// or the person withdrew), or ends in a refusal (a review at its end).
	StatusCoolingOff: {StatusDeactivated, StatusActive, StatusRejected},
	// After a refusal: fix the materials, or submit again straight away.
	StatusRejected: {StatusPreparing, StatusSubmitted},
	// The post-deactivation check found the account still alive.
	StatusDeactivated: {StatusActive},
	// A kept account can be reconsidered.
	StatusKept: {StatusActive, StatusPreparing},
}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Next lists the statuses s may move to, in table order.
func (s Status) Next() []Status { return slices.Clone(transitions[s]) }

// ParseStatus turns user input ("under_review", "under-review") into a Status.
func ParseStatus(text string) (Status, error) {
	s := Status(normaliseKey(text))
	if !s.Valid() {
		return "", fmt.Errorf("unknown status %q (one of: %v)", text, Statuses)
	}
	return s, nil
}

// TransitionError says why a status change was refused.
type TransitionError struct {
	From, To Status
}

func (e *TransitionError) Error() string {
	if len(transitions[e.From]) == 0 {
		return fmt.Sprintf("cannot change status from %s to %s: %s is final", e.From, e.To, e.From)
	}
	return fmt.Sprintf("cannot change status from %s to %s: allowed next are %v", e.From, e.To, transitions[e.From])
}

// Is makes errors.Is(err, ErrIllegalTransition) true for every TransitionError.
func (e *TransitionError) Is(target error) bool { return target == ErrIllegalTransition }

// CanTransition returns nil when from → to is legal, a *TransitionError
// otherwise (also for unknown statuses).
func CanTransition(from, to Status) error {
	if !from.Valid() || !to.Valid() || !slices.Contains(transitions[from], to) {
		return &TransitionError{From: from, To: to}
	}
	return nil
}

// WaitingForPlatform reports whether the account's request is with the
// platform: submitted or under review (not yet in a cooling-off). It is the
// one rule the report, reminders and inventory use for "waiting".
func (s Status) WaitingForPlatform() bool {
	return s == StatusSubmitted || s == StatusUnderReview
}

// InFlight reports whether a request is running: waiting for the platform
// or in a cooling-off.
func (s Status) InFlight() bool { return s.WaitingForPlatform() || s == StatusCoolingOff }
