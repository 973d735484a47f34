package workdays

import (
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/unbindapp/unbind/assets"
)

// Calendar knows which days are working days in mainland China: Monday to
// Friday, except official holidays, plus make-up working days (调休) on
// weekends, from the holiday-cn files it was loaded from. A year with no file
// falls back to plain weekends; Coverage says when a result depends on such a
// year.
//
// Dates are civil days; see DateOf for how a time.Time is read as a day.
// A Calendar is immutable after loading and safe for concurrent use.
type Calendar struct {
	days    map[dayKey]listedDay // every date listed in any loaded file
	years   map[int]YearSource
	userDir string // the user holiday folder, for messages
}

// listedDay is a date some holiday file lists.
type listedDay struct {
	off  bool
	name string
	file string
}

// YearSource says where a year's holiday data came from.
type YearSource struct {
	Year   int
	Source string // "embedded" or the path of the user's file
	User   bool   // from the user folder (overriding or adding a year)
}

// DayInfo describes one day.
type DayInfo struct {
	Date    time.Time // the date (midnight UTC)
	Workday bool
	Weekend bool   // Saturday or Sunday
	Listed  bool   // an official holiday or make-up day in a loaded file
	Name    string // the holiday's name when Listed, e.g. "劳动节"
	Known   bool   // holiday data for the date's year is loaded
}

// HolidaysDir returns the user holiday folder in a data folder:
// <data dir>/holidays.
func HolidaysDir(dataDir string) string { return joinPath(dataDir, "holidays") }

// LoadDefaultCalendar loads the embedded holiday data (assets.Holidays) and
// the user folder HolidaysDir(dataDir); dataDir may be "" for embedded data
// only.
func LoadDefaultCalendar(dataDir string) (*Calendar, error) {
	userDir := ""
	if dataDir != "" {
		userDir = HolidaysDir(dataDir)
	}
	return LoadCalendar(assets.Holidays(), userDir)
}

// Weekends returns a calendar without holiday data: Monday to Friday are
// working days. It is what a count falls back to when no data is loaded,
// and its Coverage names every year as missing.
func Weekends() *Calendar {
	return &Calendar{days: map[dayKey]listedDay{}, years: map[int]YearSource{}}
}

// LoadCalendar loads the YYYY.json holiday files at the root of embedded
// (may be nil) and in userDir (may be "" or not exist yet). A user file for
// a year replaces the embedded file of that year. Every file is validated
// (see ParseHolidayFile); its name must be the year it holds. Files not
// ending in .json and names starting with "." are ignored. Two files that
// list the same date with different flags are an error.
func LoadCalendar(embedded fs.FS, userDir string) (*Calendar, error) {
	files := make(map[int]holidaySource)
	if embedded != nil {
		emb, err := readEmbedded(embedded)
		if err != nil {
			return nil, err
		}
		files = emb
	}
	if userDir != "" {
		user, err := readHolidayDir(userDir, 0)
		if err != nil {
			return nil, err
		}
		for y, s := range user {
			files[y] = s
		}
	}
	return buildCalendar(files, userDir)
}

// buildCalendar merges parsed files into one table of listed dates.
func buildCalendar(files map[int]holidaySource, userDir string) (*Calendar, error) {
	c := &Calendar{days: make(map[dayKey]listedDay), years: make(map[int]YearSource), userDir: userDir}
	years := make([]int, 0, len(files))
	for y := range files {
		years = append(years, y)
	}
	// Embedded years first, so that a conflict names the user's file.
	slices.SortFunc(years, func(a, b int) int {
		if files[a].user != files[b].user {
			if files[a].user {
				return 1
			}
			return -1
		}
		return a - b
	})
	for _, y := range years {
		src := files[y]
		c.years[y] = YearSource{Year: y, Source: src.source, User: src.user}
		for _, d := range src.file.Days {
			k := keyOf(d.Date)
			if prev, ok := c.days[k]; ok {
				if prev.off != d.IsOffDay {
					return nil, &FileError{Op: "load", File: src.name, Entry: -1, Err: fmt.Errorf(
						"%s is %s here but %s in %s",
						d.Date.Format(DateLayout), offWord(d.IsOffDay), offWord(prev.off), prev.file)}
				}
				continue
			}
			c.days[k] = listedDay{off: d.IsOffDay, name: d.Name, file: src.name}
		}
	}
	return c, nil
}

func offWord(off bool) string {
	if off {
		return "a holiday"
	}
	return "a make-up working day"
}

// Years lists the years with holiday data, oldest first, and their source.
func (c *Calendar) Years() []YearSource {
	out := make([]YearSource, 0, len(c.years))
	for _, s := range c.years {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b YearSource) int { return a.Year - b.Year })
	return out
}

// HasYear reports whether holiday data for year is loaded.
func (c *Calendar) HasYear(year int) bool {
	_, ok := c.years[year]
	return ok
}

// Day describes the civil day of d. A date listed in any loaded file counts,
// whichever file lists it: its own year's, the next year's (a December date
// moved by the next New Year's notice) or the previous year's.
func (c *Calendar) Day(d time.Time) DayInfo {
	date := DateOf(d)
	wd := date.Weekday()
	info := DayInfo{
		Date:    date,
		Weekend: wd == time.Saturday || wd == time.Sunday,
		Known:   c.HasYear(date.Year()),
	}
	info.Workday = !info.Weekend
	if l, ok := c.days[keyOf(date)]; ok {
		info.Listed, info.Name, info.Workday = true, l.name, !l.off
	}
	return info
}

// IsWorkday reports whether the civil day of d is a working day.
func (c *Calendar) IsWorkday(d time.Time) bool { return c.isWorkday(DateOf(d)) }

// isWorkday is IsWorkday for a date already normalised by DateOf.
func (c *Calendar) isWorkday(date time.Time) bool {
	if l, ok := c.days[keyOf(date)]; ok {
		return !l.off
	}
	wd := date.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkdays returns the date n working days after the civil day of d,
// and the coverage of the days it looked at.
//
//   - n > 0: the n-th working day after d; d itself never counts, so a
//     request made on a holiday or a weekend still gets n full working days.
//   - n == 0: d itself if it is a working day, else the next working day
//     ("no later than the next working day").
//   - n < 0: the |n|-th working day before d.
//
// For n ≥ 1, WorkdaysBetween(d, result) == n. The walk is linear in n, so n
// is meant to be a deadline's size, not thousands of years.
func (c *Calendar) AddWorkdays(d time.Time, n int) (time.Time, Coverage) {
	start := DateOf(d)
	day := start
	switch {
	case n == 0:
		for !c.isWorkday(day) {
			day = day.AddDate(0, 0, 1)
		}
		return day, c.Coverage(start, day)
	case n > 0:
		for n > 0 {
			day = day.AddDate(0, 0, 1)
			if c.isWorkday(day) {
				n--
			}
		}
		return day, c.Coverage(start.AddDate(0, 0, 1), day)
	default:
		for n < 0 {
			day = day.AddDate(0, 0, -1)
			if c.isWorkday(day) {
				n++
			}
		}
		return day, c.Coverage(day, start.AddDate(0, 0, -1))
	}
}

// WorkdaysBetween counts the working days after the civil day of a up to and
// including that of b, e.g. "overdue by N working days" with a = the due
// date and b = today. It is negative when b is before a (minus the count
// from b to a) and 0 when they are the same day.
func (c *Calendar) WorkdaysBetween(a, b time.Time) (int, Coverage) {
	lo, hi, sign := DateOf(a), DateOf(b), 1
	if hi.Before(lo) {
		lo, hi, sign = hi, lo, -1
	}
	n := 0
	for day := lo.AddDate(0, 0, 1); !day.After(hi); day = day.AddDate(0, 0, 1) {
		if c.isWorkday(day) {
			n++
		}
	}
	return sign * n, c.Coverage(lo.AddDate(0, 0, 1), hi)
}
