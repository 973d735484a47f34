package agenda

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/kit"
)

// entry is one line of the list: a group's heading or a reminder.
type entry struct {
	heading bool
	group   Group
	count   int // reminders in the group (headings)
	r       accounts.Reminder
}

// row shows one entry; the list recycles rows, so bind sets everything.
type row struct {
	widget.BaseWidget
	v *View

	heading *widget.Label
	icon    *widget.Icon
	title   *widget.Label
	detail  *widget.Label
	done    *widget.Button
	snooze  *widget.Button
	open    *widget.Button
	item    *fyne.Container
	head    *fyne.Container
	root    *fyne.Container

	r accounts.Reminder
}

func newRow(v *View) *row {
	w := &row{v: v, heading: kit.Heading(""), icon: widget.NewIcon(theme.CalendarIcon())}
	w.title = widget.NewLabel("")
	w.title.Truncation = fyne.TextTruncateEllipsis
	w.detail = widget.NewLabel("")
	w.detail.SizeName = theme.SizeNameCaptionText
	w.detail.Truncation = fyne.TextTruncateEllipsis
	w.done = widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), func() { v.onDone(w.r.ID) })
	w.snooze = widget.NewButtonWithIcon(lang.L("Snooze…"), theme.HistoryIcon(), func() { v.showSnoozeMenu(w.r.ID, w.snooze) })
	w.open = widget.NewButtonWithIcon(lang.L("Open account"), theme.NavigateNextIcon(), func() { v.onOpen(w.r.AccountID) })
	// The two lines sit close together, as one item.
	lines := container.New(&tightRows{}, w.title, w.detail)
	w.item = kit.NewBorder(nil, nil, w.icon, container.NewHBox(w.done, w.snooze, w.open), lines)
	// A heading is as tall as a reminder (the list's rows are one height),
	// with its text at the bottom, next to its first reminder.
	w.head = kit.NewBorder(nil, w.heading, nil, nil)
	w.root = container.NewStack(w.head, w.item)
	w.ExtendBaseWidget(w)
	return w
}

func (w *row) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(w.root) }

// bind shows e. A reminder handled since the last refresh keeps its place
// and says what was done, with its buttons off.
func (w *row) bind(e entry) {
	if e.heading {
		w.item.Hide()
		w.heading.SetText(headingText(e.group, e.count, w.v.bounds))
		w.head.Show()
		return
	}
	w.head.Hide()
	w.r = e.r
	now := w.v.shell.Now()
	r, handled := w.v.handled[e.r.ID]
	if !handled {
		r = e.r
	}
	w.title.SetText(r.Title)
	w.detail.SetText(detailText(r, handled, now))
	switch {
	case handled && r.State == accounts.ReminderDone:
		w.icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	case handled:
		w.icon.SetResource(theme.HistoryIcon())
	case r.State == accounts.ReminderFired || r.DueBy(now) || BoundsAt(now).Of(r.NextAt()) == Overdue:
		w.icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	default:
		w.icon.SetResource(theme.CalendarIcon())
	}
	setEnabled(w.done, !handled)
	setEnabled(w.snooze, !handled)
	setEnabled(w.open, r.AccountID != "")
	w.item.Show()
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
