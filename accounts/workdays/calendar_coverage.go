package workdays

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// yearEdgeDays is how many days at the end of December also depend on the
// next year's file: a New Year notice has moved December 29–31 before
// (2023.json lists 2022-12-31), so the last week of a year is not settled
// until the next year's schedule is known.
const yearEdgeDays = 7

// Coverage says whether a computed date or count rests on complete holiday
// data. Missing lists, oldest first, the years whose file was needed but not
// loaded; for them plain weekends were assumed.
//
// A date needs its own year's file, and a date in the last week of December
// also needs the next year's file. A previous year's file is used when it is
// loaded (it may list early-January dates) but its absence is not reported:
// a year's own file settles its January.
type Coverage struct {
	Missing []int
	Dir     string // the user holiday folder a missing file belongs in ("" if unknown)
}

// Complete reports whether no needed year was missing.
func (c Coverage) Complete() bool { return len(c.Missing) == 0 }

// Merge returns the coverage of two results together.
func (c Coverage) Merge(o Coverage) Coverage {
	out := Coverage{Dir: c.Dir, Missing: slices.Clone(c.Missing)}
	if out.Dir == "" {
		out.Dir = o.Dir
	}
	for _, y := range o.Missing {
		if !slices.Contains(out.Missing, y) {
			out.Missing = append(out.Missing, y)
		}
	}
	slices.Sort(out.Missing)
	return out
}

// Warning is the message to show next to a result when data was missing,
// and "" when Complete. For example: "holiday data for 2027 is missing;
// dates assume plain weekends — add 2027.json (holiday-cn format) to
// /home/li/.config/unbind/holidays/ or run unbindctl calendar import FILE".
func (c Coverage) Warning() string {
	if c.Complete() {
		return ""
	}
	years := make([]string, len(c.Missing))
	files := make([]string, len(c.Missing))
	for i, y := range c.Missing {
		years[i] = strconv.Itoa(y)
		files[i] = years[i] + ".json"
	}
	what := strings.Join(files, ", ")
	if len(c.Missing) > 3 {
		years = []string{fmt.Sprintf("%d–%d", c.Missing[0], c.Missing[len(c.Missing)-1])}
		what = "one YYYY.json per year"
		if !isRun(c.Missing) {
			years = []string{fmt.Sprintf("%d years between %d and %d", len(c.Missing), c.Missing[0], c.Missing[len(c.Missing)-1])}
		}
	}
	dir := "<data dir>" + string(filepath.Separator) + "holidays" + string(filepath.Separator)
	if c.Dir != "" {
		dir = strings.TrimRight(c.Dir, `/\`) + string(filepath.Separator)
	}
	return fmt.Sprintf("holiday data for %s is missing; dates assume plain weekends — add %s (holiday-cn format) to %s or run unbindctl calendar import FILE",
		strings.Join(years, ", "), what, dir)
}

// isRun reports whether sorted years are consecutive.
func isRun(years []int) bool {
	return years[len(years)-1]-years[0] == len(years)-1
}

// Coverage returns the coverage of every date from the civil day of from to
// that of to, inclusive; an empty range (to before from) is complete.
func (c *Calendar) Coverage(from, to time.Time) Coverage {
	cov := Coverage{Dir: c.userDir}
	cov.Missing = c.MissingYears(from, to)
	return cov
}

// MissingYears lists the years, oldest first, whose holiday data the dates
// from from to to (inclusive) depend on but that are not loaded.
func (c *Calendar) MissingYears(from, to time.Time) []int {
	lo, hi := DateOf(from), DateOf(to)
	if hi.Before(lo) {
		return nil
	}
	last := hi.Year()
	edge := time.Date(last, time.December, 32-yearEdgeDays, 0, 0, 0, 0, time.UTC)
	if !hi.Before(edge) {
		last++
	}
	var missing []int
	for y := lo.Year(); y <= last; y++ {
		if !c.HasYear(y) {
			missing = append(missing, y)
		}
	}
	return missing
}
