package kit

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/accounts/workdays"
)

// Dates everywhere in the GUI are China time, the clock the platforms'
// deadlines and working days run on, so a computer set to another zone
// shows the same day in the header, the steps and the reminders. One form:
// ISO with the weekday, "2026-12-07 周一" / "Mon 2026-12-07".

var weekdaysZh = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// FormatDate shows the China-time day of t.
func FormatDate(t time.Time) string {
	c := t.In(workdays.ChinaTime)
	if Lang() == LangZh {
		return c.Format("2006-01-02") + " " + weekdaysZh[c.Weekday()]
	}
	return c.Format("Mon 2006-01-02")
}

// FormatDateTime shows the China-time day and time of t.
func FormatDateTime(t time.Time) string {
	return FormatDate(t) + " " + t.In(workdays.ChinaTime).Format("15:04")
}

// PickedDay is the day a date picker shows (it works in local time) as a
// workdays date; the person means that calendar day.
func PickedDay(picked time.Time) time.Time {
	y, m, d := picked.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// TodayForPicker is today in China time, as the local midnight a date
// picker wants, so it opens on the same day the rest of the app shows.
func TodayForPicker(now time.Time) time.Time {
	y, m, d := now.In(workdays.ChinaTime).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

// ClockNote says which clock the dates use, when the computer's zone is
// not China's; "" when it is.
func ClockNote(now time.Time) string {
	_, local := now.Zone()
	_, china := now.In(workdays.ChinaTime).Zone()
	if local == china {
		return ""
	}
	return lang.L("Dates and times are China time (UTC+8), the clock the platforms count by; your computer uses another time zone.")
}
