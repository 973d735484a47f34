package reminders

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// ICSUIDDomain is the right-hand side of every exported event's UID.
const ICSUIDDomain = "unbind.local"

// icsProdID names the producer of an exported calendar (PRODID).
const icsProdID = "-//unbindapp//Unbind//EN"

// ICSOptions controls WriteICS. The zero value is ready to use.
type ICSOptions struct {
	// Now is the DTSTAMP of every event; zero means time.Now().
	Now time.Time
	// Name is the calendar's display name (X-WR-CALNAME); "" means
	// "Unbind 解绑助手".
	Name string
	// Duration is each event's length; 0 means 30 minutes.
	Duration time.Duration
	// AlarmBefore sets the alarm this long before the event starts; 0 alerts
	// at the start (TRIGGER:PT0S).
	AlarmBefore time.Duration
	// OpenOnly leaves done and dismissed reminders out. By default they are
	// written without an alarm — done ones with "✓ " before the title,
	// dismissed ones as STATUS:CANCELLED — so re-importing the file updates
	// events imported earlier instead of leaving stale alarms behind.
	OpenOnly bool
}

// ICSUID returns the stable UID of a reminder's event, <id>@unbind.local, so
// that importing a newer export updates the event instead of adding one.
func ICSUID(reminderID string) string { return reminderID + "@" + ICSUIDDomain }

// ExportICS writes every stored reminder of every account as a calendar
// (WriteICS, in the store's order), stamped with the service's clock, and
// returns how many events it wrote. It is the one export behind both
// `unbindctl remind export-ics` and the GUI's "Export calendar (.ics)…",
// so the two files are the same for the same store and clock. It does not
// sync first: callers that want derived reminders current call Sync.
func (s *Service) ExportICS(ctx context.Context, w io.Writer, opts ICSOptions) (int, error) {
	rs, err := s.List(ctx, store.ReminderFilter{})
	if err != nil {
		return 0, fmt.Errorf("export calendar: %w", err)
	}
	if opts.Now.IsZero() {
		opts.Now = s.now()
	}
	n := len(rs)
	if opts.OpenOnly {
		n = 0
		for _, r := range rs {
			if r.State.Open() {
				n++
			}
		}
	}
	if err := WriteICS(w, rs, opts); err != nil {
		return 0, fmt.Errorf("export calendar: %w", err)
	}
	return n, nil
}

// WriteICS writes reminders as an iCalendar file (RFC 5545): UTF-8, CRLF line
// ends, content lines folded at 75 octets without splitting a character,
// TEXT values escaped.
//
// Each reminder becomes one VEVENT, in the order given, with UID ICSUID(ID),
// DTSTART and DTEND as UTC date-times (DTSTART is DueAt, or SnoozedUntil for
// a snoozed reminder: when it will next alert; DTEND adds opts.Duration),
// SUMMARY (the title), DESCRIPTION (the body), STATUS, TRANSP:TRANSPARENT
// (a reminder does not make the person busy) and, for an open reminder, a
// VALARM with ACTION:DISPLAY. Date-times rather than all-day dates keep the
// time the reminder fires at, which the alarm needs; calendars show them in
// the viewer's own time zone.
//
// A reminder without an ID or a due time, or two with the same ID, is an
// error, and nothing is written then.
func WriteICS(w io.Writer, reminders []accounts.Reminder, opts ICSOptions) error {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Name == "" {
		opts.Name = "Unbind 解绑助手"
	}
	if opts.Duration <= 0 {
		opts.Duration = 30 * time.Minute
	}
	var b strings.Builder
	line := func(name, value string) { b.WriteString(icsFold(name + ":" + value)) }

	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", icsProdID)
	line("CALSCALE", "GREGORIAN")
	line("X-WR-CALNAME", icsText(opts.Name))
	seen := make(map[string]bool, len(reminders))
	for _, r := range reminders {
		if err := checkICSReminder(r, seen); err != nil {
			return err
		}
		if opts.OpenOnly && !r.State.Open() {
			continue
		}
		writeICSEvent(line, r, opts)
	}
	line("END", "VCALENDAR")

	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("ics: write: %w", err)
	}
	return nil
}

func checkICSReminder(r accounts.Reminder, seen map[string]bool) error {
	switch {
	case strings.TrimSpace(r.ID) == "":
		return fmt.Errorf("ics: reminder %q: no ID", r.Title)
	case seen[r.ID]:
		return fmt.Errorf("ics: reminder %s: duplicate ID", r.ID)
	case r.DueAt.IsZero():
		return fmt.Errorf("ics: reminder %s: no due time", r.ID)
	}
	seen[r.ID] = true
	return nil
}

// writeICSEvent writes one VEVENT through line.
func writeICSEvent(line func(name, value string), r accounts.Reminder, opts ICSOptions) {
	start := r.NextAt()
	title := r.Title
	if strings.TrimSpace(title) == "" {
		title = "Unbind: " + string(r.Kind)
	}
	summary, status := title, "CONFIRMED"
	switch r.State {
	case accounts.ReminderDone:
		summary = "✓ " + title
	case accounts.ReminderDismissed:
		status = "CANCELLED"
	}

	line("BEGIN", "VEVENT")
	line("UID", icsText(ICSUID(r.ID)))
	line("DTSTAMP", icsDateTime(opts.Now))
	line("DTSTART", icsDateTime(start))
	line("DTEND", icsDateTime(start.Add(opts.Duration)))
	line("SUMMARY", icsText(summary))
	if r.Body != "" {
		line("DESCRIPTION", icsText(r.Body))
	}
	line("STATUS", status)
	line("TRANSP", "TRANSPARENT")
	if !r.CreatedAt.IsZero() {
		line("CREATED", icsDateTime(r.CreatedAt))
	}
	if r.State.Open() {
		line("BEGIN", "VALARM")
		line("ACTION", "DISPLAY")
		line("DESCRIPTION", icsText(title))
		line("TRIGGER", icsDuration(-opts.AlarmBefore))
		line("END", "VALARM")
	}
	line("END", "VEVENT")
}

// icsDateTime formats t as a UTC DATE-TIME (form 2, RFC 5545 3.3.5).
func icsDateTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icsDuration formats d as a DURATION (RFC 5545 3.3.6), whole seconds.
func icsDuration(d time.Duration) string {
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
		d = -d
	}
	b.WriteByte('P')
	secs := int64(d / time.Second)
	days, secs := secs/86400, secs%86400
	if days > 0 {
		b.WriteString(strconv.FormatInt(days, 10) + "D")
	}
	if secs > 0 || days == 0 {
		b.WriteByte('T')
		h, m, s := secs/3600, secs/60%60, secs%60
		if h > 0 {
			b.WriteString(strconv.FormatInt(h, 10) + "H")
		}
		if m > 0 || (h > 0 && s > 0) { // the grammar has no hours-then-seconds
			b.WriteString(strconv.FormatInt(m, 10) + "M")
		}
		if s > 0 || secs == 0 {
			b.WriteString(strconv.FormatInt(s, 10) + "S")
		}
	}
	return b.String()
}
