package agenda

import (
	"cmp"
	"slices"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// Group is one heading of the agenda.
type Group int

// The groups, in the order shown.
const (
	Overdue  Group = iota // its day is over: before today, China time
	Today                 // today, China time, whether or not its hour has passed
	ThisWeek              // after today, up to and including this week's Sunday
	Later                 // from next Monday on
)

// Bounds are the China-time midnights that separate the groups at one
// moment. Days and weeks are China's, as every date in the app is, so a
// computer on another clock groups the same as one in Beijing. A week runs
// Monday to Sunday (本周): on a Sunday "This week" is empty, and Monday's
// reminders are "Later". Public holidays and make-up working days do not
// move a reminder: the rules already counted the working days when they
// set its day.
type Bounds struct {
	Today    time.Time // today 00:00
	Tomorrow time.Time // tomorrow 00:00
	NextWeek time.Time // next Monday 00:00
}

// BoundsAt returns the bounds at now.
func BoundsAt(now time.Time) Bounds {
	day := workdays.DateOf(now) // China-time calendar day
	sinceMonday := (int(day.Weekday()) + 6) % 7
	at := func(d time.Time) time.Time { return workdays.AtChinaTime(d, 0, 0) }
	return Bounds{
		Today:    at(day),
		Tomorrow: at(day.AddDate(0, 0, 1)),
		NextWeek: at(day.AddDate(0, 0, 7-sinceMonday)),
	}
}

// Of returns the group of a reminder that next wants attention at t.
func (b Bounds) Of(t time.Time) Group {
	switch {
	case t.Before(b.Today):
		return Overdue
	case t.Before(b.Tomorrow):
		return Today
	case t.Before(b.NextWeek):
		return ThisWeek
	}
	return Later
}

// Section is one group's reminders, soonest first.
type Section struct {
	Group     Group
	Reminders []accounts.Reminder
}

// Sections groups the open reminders of rs at now; closed ones are left
// out, and so are empty groups. Within a group the soonest comes first,
// then by title and ID, so the order is the same on every refresh.
func Sections(rs []accounts.Reminder, now time.Time) []Section {
	b := BoundsAt(now)
	var groups [Later + 1][]accounts.Reminder
	for _, r := range rs {
		if r.State.Open() {
			g := b.Of(r.NextAt())
			groups[g] = append(groups[g], r)
		}
	}
	var out []Section
	for g, list := range groups {
		if len(list) == 0 {
			continue
		}
		slices.SortStableFunc(list, func(x, y accounts.Reminder) int {
			return cmp.Or(x.NextAt().Compare(y.NextAt()), cmp.Compare(x.Title, y.Title), cmp.Compare(x.ID, y.ID))
		})
		out = append(out, Section{Group: Group(g), Reminders: list})
	}
	return out
}
