package agenda

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/kit"
)

// headingText names a group, with its days where they help and its count.
func headingText(g Group, n int, b Bounds) string {
	switch g {
	case Overdue:
		return lang.L("Overdue · {{.N}}", map[string]any{"N": n})
	case Today:
		return lang.L("Today, {{.Date}} · {{.N}}", map[string]any{"Date": kit.FormatDate(b.Today), "N": n})
	case ThisWeek:
		sunday := b.NextWeek.Add(-time.Hour) // the week's last day
		return lang.L("This week, to {{.Date}} · {{.N}}", map[string]any{"Date": kit.FormatDate(sunday), "N": n})
	}
	return lang.L("Later · {{.N}}", map[string]any{"N": n})
}

// detailText is a reminder's second line: where it stands and when. A
// reminder handled since the last refresh says what was done to it.
func detailText(r accounts.Reminder, handled bool, now time.Time) string {
	when := kit.FormatDateTime(r.NextAt())
	switch {
	case handled && r.State == accounts.ReminderDone:
		return lang.L("Done · it leaves the agenda when you refresh")
	case r.State == accounts.ReminderSnoozed && !r.DueBy(now):
		return lang.L("Snoozed until {{.When}}", map[string]any{"When": when})
	case r.State == accounts.ReminderFired || r.DueBy(now):
		return lang.L("Due") + " · " + when
	}
	return kit.ReminderStateLabel(r.State) + " · " + when
}

// summaryText counts what needs doing, for the line under the title.
func summaryText(secs []Section) string {
	var overdue, today, total int
	for _, s := range secs {
		total += len(s.Reminders)
		switch s.Group {
		case Overdue:
			overdue = len(s.Reminders)
		case Today:
			today = len(s.Reminders)
		}
	}
	return lang.L("Open reminders: {{.Total}} · overdue: {{.Overdue}} · today: {{.Today}}", map[string]any{
		"Total": total, "Overdue": overdue, "Today": today})
}

// emptyText says why the agenda is empty and what to do.
func emptyText() string {
	return lang.L("Nothing to do: no account has an open reminder. Unbind adds reminders as you work through an account's steps: before an irreversible step, when a review should be over, at the end of a cooling-off and for backups. To add your own, open an account and use \"Add reminder…\" on its Reminders tab.")
}

// tightRows stacks two labels closer than a VBox: the second overlaps the
// first's inner padding, so a reminder's two lines read as one item.
type tightRows struct{}

func (tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	if len(objs) > 1 {
		s.Height -= theme.InnerPadding() * float32(len(objs)-1)
	}
	return s
}

func (t tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := max(0, (size.Height-t.MinSize(objs).Height)/2)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - theme.InnerPadding()
	}
}
