package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/cmd/internal/opener"
)

func init() {
	register(group{name: "calendar", summary: "Chinese working days: add-workdays, is-workday, import holiday data", run: runCalendar})
}

const calendarUsage = `usage:
  unbindctl calendar add-workdays DATE N   print the date N working days after DATE (YYYY-MM-DD);
                                           N=0 gives DATE or the next working day, N<0 counts back
  unbindctl calendar is-workday DATE       say whether DATE is a working day, and why
  unbindctl calendar import FILE           validate a holiday-cn YYYY.json and copy it into the data folder
  unbindctl calendar years                 list the years with holiday data and where each comes from

Working days follow the State Council schedule (holiday-cn files); a year
without a file assumes plain weekends, and a warning on stderr says so.`

// maxWorkdays bounds N in add-workdays: deadlines, not centuries.
const maxWorkdays = 10000

func runCalendar(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("calendar wants a command: add-workdays, is-workday, import or years (see unbindctl calendar -h)")
	}
	rest := args[1:]
	for _, a := range rest {
		if a == "-h" || a == "--help" {
			fmt.Fprintln(e.stdout, calendarUsage)
			return nil
		}
	}
	switch args[0] {
	case "add-workdays":
		return calendarAddWorkdays(e, rest)
	case "is-workday":
		return calendarIsWorkday(e, rest)
	case "import":
		return calendarImport(e, rest)
	case "years":
		return calendarYears(e, rest)
	case "-h", "--help", "help":
		fmt.Fprintln(e.stdout, calendarUsage)
		return nil
	}
	return usagef("unknown calendar command %q (see unbindctl calendar -h)", args[0])
}

// loadCalendar loads the embedded holiday data and the data folder's.
func (e *env) loadCalendar() (*workdays.Calendar, error) {
	if e.cal != nil {
		return e.cal, nil
	}
	dir, err := e.dir()
	if err != nil {
		return nil, err
	}
	cal, warning := opener.Calendar(dir)
	if cal == nil {
		return nil, warning
	}
	if warning != nil {
		fmt.Fprintln(e.stderr, "unbindctl: warning: "+warning.Error())
	}
	e.cal = cal // read once per command, not once per change (the OnChange sync)
	return cal, nil
}

// warnCoverage prints the missing-data warning, if any, on stderr.
func (e *env) warnCoverage(cov workdays.Coverage) {
	if w := cov.Warning(); w != "" {
		fmt.Fprintln(e.stderr, "unbindctl: warning: "+w)
	}
}

// The sub-commands take no flags, so their arguments are read as they are:
// a negative N ("-3") is a number, not a flag.
func calendarAddWorkdays(e *env, args []string) error {
	if err := wantArgs("calendar add-workdays", args, 2, "DATE N"); err != nil {
		return err
	}
	d, err := workdays.ParseDate(args[0])
	if err != nil {
		return usagef("calendar add-workdays: %v", err)
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n > maxWorkdays || n < -maxWorkdays {
		return usagef("calendar add-workdays: N must be a whole number from %d to %d, not %q", -maxWorkdays, maxWorkdays, args[1])
	}
	cal, err := e.loadCalendar()
	if err != nil {
		return err
	}
	got, cov := cal.AddWorkdays(d, n)
	fmt.Fprintln(e.stdout, got.Format(workdays.DateLayout))
	e.warnCoverage(cov)
	return nil
}

func calendarIsWorkday(e *env, args []string) error {
	if err := wantArgs("calendar is-workday", args, 1, "DATE"); err != nil {
		return err
	}
	d, err := workdays.ParseDate(args[0])
	if err != nil {
		return usagef("calendar is-workday: %v", err)
	}
	cal, err := e.loadCalendar()
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, describeDay(cal.Day(d)))
	e.warnCoverage(cal.Coverage(d, d))
	return nil
}

// describeDay is one line: "DATE workday|off (weekday[, reason])".
func describeDay(info workdays.DayInfo) string {
	word := "off"
	if info.Workday {
		word = "workday"
	}
	why := info.Date.Weekday().String()
	switch {
	case info.Listed && info.Workday:
		why += ", 调休 make-up working day for " + info.Name
	case info.Listed:
		why += ", public holiday " + info.Name
	case info.Weekend:
		why += ", weekend"
	}
	return fmt.Sprintf("%s %s (%s)", info.Date.Format(workdays.DateLayout), word, why)
}

func calendarImport(e *env, args []string) error {
	if err := wantArgs("calendar import", args, 1, "FILE"); err != nil {
		return err
	}
	dir, err := e.dir()
	if err != nil {
		return err
	}
	year, err := workdays.ImportHolidayFile(args[0], dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported holiday data for %d into %s\n",
		year, filepath.Join(workdays.HolidaysDir(dir), fmt.Sprintf("%d.json", year)))
	return nil
}

func calendarYears(e *env, args []string) error {
	if err := wantArgs("calendar years", args, 0, "no arguments"); err != nil {
		return err
	}
	cal, err := e.loadCalendar()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	for _, y := range cal.Years() {
		src := "built in (holiday-cn, MIT licence)"
		if y.User {
			src = y.Source
		}
		fmt.Fprintf(tw, "%d\t%s\n", y.Year, src)
	}
	return tw.Flush()
}
