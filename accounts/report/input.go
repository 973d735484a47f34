package report

import (
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// DefaultBackupInterval is how old a backup may get before the report calls
// it stale, when Options.BackupInterval is zero.
const DefaultBackupInterval = 90 * 24 * time.Hour

// Options say how to build the report.
type Options struct {
	// Since and Until bound the timeline (Since ≤ at < Until). A zero
	// Since means from the first event, a zero Until means Now.
	Since, Until time.Time
	// Lang is "zh" (the default when empty) or "en".
	Lang string
	// Unmasked includes login, phone and e-mail in full and the person's
	// own notes; the default masks the identifiers and leaves notes out.
	Unmasked bool
	// Now is the moment the report describes; zero means time.Now().
	Now        time.Time
	AppVersion string
	DataDir    string
	// BackupInterval is the person's backup interval; zero means
	// DefaultBackupInterval.
	BackupInterval time.Duration
	// Location is the time zone dates are shown in; nil means time.Local.
	Location *time.Location
}

// Input is what the report is built from. The slices are only read.
type Input struct {
	Accounts []accounts.Account
	// Tracks holds each account's tracks, keyed by account ID.
	Tracks map[string][]accounts.Track
	// Events may hold more than the period; Build keeps the period's.
	Events []accounts.Event
	// Reminders should hold at least the open ones.
	Reminders []accounts.Reminder
	// Platforms gives catalog facts; nil shows platform IDs as names and
	// knows no checklists or review windows (see FromCatalog).
	Platforms PlatformInfo
	// Workdays counts working days; nil assumes Monday to Friday with no
	// holidays, and says so in the report's warnings (see FromCalendar).
	Workdays Workdays
}

// PlatformInfo is what the report needs from the platform catalog.
type PlatformInfo interface {
	// Name is the platform's display name in lang ("zh" or "en"); "" when
	// the platform is unknown.
	Name(id, lang string) string
	// Group is the platform's identity group: platforms with the same group
	// share one underlying account (Taobao, Tmall, Xianyu). "" when unknown.
	Group(id string) string
	// Tracks lists the platform's tracks in catalog order; nil when unknown.
	Tracks(id string) []TrackInfo
}

// TrackInfo is one catalog track, as far as the report needs it.
type TrackInfo struct {
	Kind accounts.TrackKind
	// Checklist lists the track's checklist keys: accounts.StepKey(n) for
	// each step and accounts.PrereqKey(id) for each prerequisite.
	Checklist []string
	// ReviewWorkdays is the longest review the platform announces, in
	// working days; 0 when unknown or there is no review.
	ReviewWorkdays int
	// Applies says whether the track is for the account (catalog's
	// applies_to); nil means every account.
	Applies func(accounts.Account) bool
	// Sources are the pages the track's steps rest on; empty when the
	// catalog marks the track unverified.
	Sources []SourceEntry
}

// Workdays counts working days on civil days (a working-day calendar).
type Workdays interface {
	// AddWorkdays returns the n-th working day after the civil day of d
	// (in China time), as midnight UTC of that date.
	AddWorkdays(d time.Time, n int) time.Time
	// WorkdaysBetween counts the working days after the day of a up to and
	// including the day of b; negative when b is before a.
	WorkdaysBetween(a, b time.Time) int
}

// coverage is implemented by calendars that know which years they lack.
type coverage interface {
	MissingYears(from, to time.Time) []int
}

// settings is Options with the defaults filled in and checked.
type settings struct {
	Options
	lang  string
	loc   *time.Location
	now   time.Time
	until time.Time
}

func (o Options) resolve() (settings, error) {
	s := settings{Options: o, lang: o.Lang, loc: o.Location, now: o.Now}
	switch s.lang {
	case "":
		s.lang = "zh"
	case "zh", "en":
	default:
		return s, fmt.Errorf("report language %q: want zh or en: %w", o.Lang, accounts.ErrInvalid)
	}
	if s.loc == nil {
		s.loc = time.Local
	}
	if s.now.IsZero() {
		s.now = time.Now()
	}
	s.now = s.now.In(s.loc)
	if s.BackupInterval <= 0 {
		s.BackupInterval = DefaultBackupInterval
	}
	s.until = o.Until
	if s.until.IsZero() {
		s.until = s.now
	}
	if !o.Since.IsZero() && !o.Since.Before(s.until) {
		return s, fmt.Errorf("report period: since %s is not before until %s: %w",
			o.Since.Format(time.DateOnly), s.until.Format(time.DateOnly), accounts.ErrInvalid)
	}
	return s, nil
}

// chinaTime is UTC+8, where the working-day calendar reads civil days.
var chinaTime = time.FixedZone("CST", 8*3600)

// weekdays is the fallback calendar: Monday to Friday, no holidays, on
// civil days in China time like the real calendar.
type weekdays struct{}

func (weekdays) day(t time.Time) time.Time {
	t = t.In(chinaTime)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func isWeekday(d time.Time) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

func (w weekdays) AddWorkdays(d time.Time, n int) time.Time {
	day := w.day(d)
	for n > 0 {
		day = day.AddDate(0, 0, 1)
		if isWeekday(day) {
			n--
		}
	}
	return day
}

func (w weekdays) WorkdaysBetween(a, b time.Time) int {
	lo, hi, sign := w.day(a), w.day(b), 1
	if hi.Before(lo) {
		lo, hi, sign = hi, lo, -1
	}
	n := 0
	for day := lo.AddDate(0, 0, 1); !day.After(hi); day = day.AddDate(0, 0, 1) {
		if isWeekday(day) {
			n++
		}
	}
	return sign * n
}
