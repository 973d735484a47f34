package workdays

import (
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// Dates in this package.
//
// A working-day calculation works on civil days, not instants. Throughout
// package workdays a date is a time.Time at midnight UTC of that civil day
// (what ParseDate and DateOf return, and what every calendar method returns).
// Any time.Time passed in is first mapped to its civil day in China time
// (UTC+8, see ChinaTime) by DateOf. A midnight-UTC date stays on its own day
// under that mapping, and an instant such as "submitted at" lands on the day
// it was in Beijing, which is what a Chinese platform's working days count.
//
// Pitfall: do not build a date at local midnight in a zone east of UTC+8
// (e.g. Tokyo); it is still the previous day in China. Use ParseDate or
// time.Date(y, m, d, 0, 0, 0, 0, time.UTC).

// ChinaTime is China Standard Time (UTC+8). China has no daylight saving
// time, so a fixed zone is exact and needs no tzdata on the host.
var ChinaTime = time.FixedZone("CST", 8*60*60)

// DateLayout is the layout of a date in holiday files and on the command
// line: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// DateOf returns the civil day of t in China time as a date (midnight UTC).
func DateOf(t time.Time) time.Time {
	y, m, d := t.In(ChinaTime).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ParseDate parses a YYYY-MM-DD date strictly (two-digit month and day, a
// real calendar day) and returns it as a date (midnight UTC).
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid date %q (want YYYY-MM-DD)", s)
	}
	if err := accounts.CheckDate("date", t); err != nil {
		return time.Time{}, fmt.Errorf("date %q: %w", s, err)
	}
	return t, nil
}

// FormatDate formats the civil day of t in China time as YYYY-MM-DD.
func FormatDate(t time.Time) string { return DateOf(t).Format(DateLayout) }

// AtChinaTime returns the instant at hour:minute China time on the civil day
// of date, e.g. AtChinaTime(due, 9, 0) for "9:00 in Beijing on the due day".
func AtChinaTime(date time.Time, hour, minute int) time.Time {
	d := DateOf(date)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, ChinaTime)
}

// dayKey is a date as a number of days since 1970-01-01, used as a map key.
type dayKey int64

func keyOf(date time.Time) dayKey {
	return dayKey(date.Unix() / 86400)
}
