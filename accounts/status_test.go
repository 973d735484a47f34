package accounts

import (
	"errors"
	"testing"
)

// legal is written out independently of the transitions table, so a change
// to the table must be made here too, on purpose.
var legal = map[[2]Status]bool{
	{StatusActive, StatusPreparing}:        true,
	{StatusActive, StatusKept}:             true,
	{StatusPreparing, StatusSubmitted}:     true,
	{StatusPreparing, StatusActive}:        true,
	{StatusPreparing, StatusKept}:          true,
	{StatusSubmitted, StatusUnderReview}:   true,
	{StatusSubmitted, StatusDeactivated}:   true,
	{StatusSubmitted, StatusRejected}:      true,
	{StatusSubmitted, StatusPreparing}:     true,
	{StatusUnderReview, StatusDeactivated}: true,
	{StatusUnderReview, StatusRejected}:    true,
	{StatusSubmitted, StatusCoolingOff}:    true,
	{StatusUnderReview, StatusCoolingOff}:  true,
	{StatusCoolingOff, StatusDeactivated}:  true,
	{StatusCoolingOff, StatusActive}:       true,
	{StatusCoolingOff, StatusRejected}:     true,
	{StatusRejected, StatusPreparing}:      true,
	{StatusRejected, StatusSubmitted}:      true,
	{StatusDeactivated, StatusActive}:      true,
	{StatusKept, StatusActive}:             true,
	{StatusKept, StatusPreparing}:          true,
}

func TestEveryTransition(t *testing.T) {
	all := append([]Status{"bogus"}, Statuses...)
	for _, from := range all {
		for _, to := range all {
			err := CanTransition(from, to)
			if legal[[2]Status{from, to}] {
				if err != nil {
					t.Errorf("%s → %s should be legal, got %v", from, to, err)
				}
				continue
			}
			if err == nil {
				t.Errorf("%s → %s should be illegal", from, to)
				continue
			}
			if !errors.Is(err, ErrIllegalTransition) {
				t.Errorf("%s → %s: error %v does not match ErrIllegalTransition", from, to, err)
			}
			var te *TransitionError
			if !errors.As(err, &te) || te.From != from || te.To != to {
				t.Errorf("%s → %s: want a *TransitionError naming both, got %#v", from, to, err)
			}
		}
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]Status{"under-review": StatusUnderReview, " Kept ": StatusKept, "under review": StatusUnderReview} {
		got, err := ParseStatus(in)
		if err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseStatus("gone"); err == nil {
		t.Error("ParseStatus(gone) should fail")
	}
}

func TestReminderLifecycle(t *testing.T) {
	ok := [][2]ReminderState{
		{ReminderPending, ReminderFired}, {ReminderFired, ReminderDone}, {ReminderFired, ReminderSnoozed},
		{ReminderSnoozed, ReminderFired}, {ReminderFired, ReminderDismissed}, {ReminderPending, ReminderDismissed},
	}
	for _, p := range ok {
		if err := CanReminderTransition(p[0], p[1]); err != nil {
			t.Errorf("%s → %s: %v", p[0], p[1], err)
		}
	}
	bad := [][2]ReminderState{
		{ReminderDone, ReminderFired}, {ReminderDismissed, ReminderPending}, {ReminderFired, ReminderPending},
		{ReminderDone, ReminderSnoozed}, {ReminderFired, ReminderFired},
	}
	for _, p := range bad {
		if err := CanReminderTransition(p[0], p[1]); !errors.Is(err, ErrIllegalTransition) {
			t.Errorf("%s → %s should be illegal, got %v", p[0], p[1], err)
		}
	}
}
