package agenda

import (
	"slices"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/workdays"
)

func cst(y int, m time.Month, d, h, min, s int) time.Time {
	return time.Date(y, m, d, h, min, s, 0, workdays.ChinaTime)
}

func pending(id string, due time.Time) accounts.Reminder {
	return accounts.Reminder{ID: id, Title: id, DueAt: due, State: accounts.ReminderPending}
}

func snoozed(id string, due, until time.Time) accounts.Reminder {
	return accounts.Reminder{ID: id, Title: id, DueAt: due, State: accounts.ReminderSnoozed, SnoozedUntil: &until}
}

// grouped is Sections as group → IDs, for comparing.
func grouped(rs []accounts.Reminder, now time.Time) map[Group][]string {
	out := map[Group][]string{}
	for _, s := range Sections(rs, now) {
		for _, r := range s.Reminders {
			out[s.Group] = append(out[s.Group], r.ID)
		}
	}
	return out
}

func sameGroups(t *testing.T, what string, got, want map[Group][]string) {
	t.Helper()
	for g := Overdue; g <= Later; g++ {
		if !slices.Equal(got[g], want[g]) {
			t.Errorf("%s: group %d = %v, want %v", what, g, got[g], want[g])
		}
	}
}

// Wednesday 2 December 2026, 09:30 in Beijing: the boundaries are China's
// midnights, and the week ends on Sunday 6 December.
func TestSectionsBoundaries(t *testing.T) {
	now := cst(2026, 12, 2, 9, 30, 0)
	fired := pending("fired-yesterday", cst(2026, 12, 1, 10, 0, 0))
	fired.State = accounts.ReminderFired
	done := pending("done", cst(2026, 12, 1, 10, 0, 0))
	done.State = accounts.ReminderDone
	dismissed := pending("dismissed", cst(2026, 12, 3, 10, 0, 0))
	dismissed.State = accounts.ReminderDismissed
	rs := []accounts.Reminder{
		pending("mon-0", cst(2026, 12, 7, 0, 0, 0)),
		pending("sun-23:59", cst(2026, 12, 6, 23, 59, 59)),
		pending("thu-0", cst(2026, 12, 3, 0, 0, 0)),
		pending("wed-23:59", cst(2026, 12, 2, 23, 59, 59)),
		pending("wed-08", cst(2026, 12, 2, 8, 0, 0)), // its hour has passed: still today
		pending("wed-0", cst(2026, 12, 2, 0, 0, 0)),
		pending("tue-23:59", cst(2026, 12, 1, 23, 59, 59)),
		fired, done, dismissed,
		// Placed by the end of the snooze, not the due time.
		snoozed("snoozed-to-fri", cst(2026, 11, 20, 10, 0, 0), cst(2026, 12, 4, 10, 0, 0)),
		snoozed("snoozed-to-next-week", cst(2026, 12, 2, 10, 0, 0), cst(2026, 12, 9, 10, 0, 0)),
		// A snooze that is over but has not fired again yet.
		snoozed("snooze-over", cst(2026, 11, 1, 10, 0, 0), cst(2026, 11, 30, 10, 0, 0)),
	}
	sameGroups(t, "Wednesday", grouped(rs, now), map[Group][]string{
		Overdue:  {"snooze-over", "fired-yesterday", "tue-23:59"},
		Today:    {"wed-0", "wed-08", "wed-23:59"},
		ThisWeek: {"thu-0", "snoozed-to-fri", "sun-23:59"},
		Later:    {"mon-0", "snoozed-to-next-week"},
	})
	if got := Sections(nil, now); len(got) != 0 {
		t.Errorf("no reminders: %v sections", len(got))
	}
}

// The week boundary: on Sunday evening nothing is "this week" any more, and
// one second after Sunday ends the next week starts.
func TestSectionsWeekBoundary(t *testing.T) {
	rs := []accounts.Reminder{
		pending("sun-22", cst(2026, 12, 6, 22, 0, 0)),
		pending("mon-10", cst(2026, 12, 7, 10, 0, 0)),
		pending("sun-next", cst(2026, 12, 13, 23, 0, 0)),
		pending("mon-next", cst(2026, 12, 14, 0, 0, 0)),
	}
	sameGroups(t, "Sunday 20:00", grouped(rs, cst(2026, 12, 6, 20, 0, 0)), map[Group][]string{
		Today: {"sun-22"},
		Later: {"mon-10", "sun-next", "mon-next"},
	})
	sameGroups(t, "Monday 00:00", grouped(rs, cst(2026, 12, 7, 0, 0, 0)), map[Group][]string{
		Overdue:  {"sun-22"},
		Today:    {"mon-10"},
		ThisWeek: {"sun-next"},
		Later:    {"mon-next"},
	})
	b := BoundsAt(cst(2026, 12, 6, 23, 59, 59))
	if !b.NextWeek.Equal(cst(2026, 12, 7, 0, 0, 0)) || !b.Tomorrow.Equal(b.NextWeek) {
		t.Errorf("Sunday's bounds: %+v", b)
	}
	// The week of a new year: Monday 28 December 2026 to Sunday 3 January.
	b = BoundsAt(cst(2026, 12, 31, 12, 0, 0))
	if !b.NextWeek.Equal(cst(2027, 1, 4, 0, 0, 0)) {
		t.Errorf("the week of 31 December ends %v", b.NextWeek)
	}
}

// A computer on another clock groups as Beijing does: at 17:30 on Sunday in
// Los Angeles it is already Monday 09:30 in China.
func TestSectionsOnAnotherClock(t *testing.T) {
	la := time.FixedZone("PST", -8*60*60)
	now := time.Date(2026, 12, 6, 17, 30, 0, 0, la)
	rs := []accounts.Reminder{
		pending("cn-sun-23", cst(2026, 12, 6, 23, 0, 0)), // Sunday 07:00 in LA: yesterday in China
		pending("cn-mon-10", cst(2026, 12, 7, 10, 0, 0)), // Sunday 18:00 in LA: today in China
		pending("cn-sun-next", cst(2026, 12, 13, 20, 0, 0)),
	}
	sameGroups(t, "Los Angeles", grouped(rs, now), map[Group][]string{
		Overdue:  {"cn-sun-23"},
		Today:    {"cn-mon-10"},
		ThisWeek: {"cn-sun-next"},
	})
	tokyo := time.FixedZone("JST", 9*60*60)
	// 00:30 on Monday in Tokyo is still Sunday 23:30 in China.
	sameGroups(t, "Tokyo", grouped(rs, time.Date(2026, 12, 7, 0, 30, 0, 0, tokyo)), map[Group][]string{
		Today: {"cn-sun-23"},
		Later: {"cn-mon-10", "cn-sun-next"},
	})
}
