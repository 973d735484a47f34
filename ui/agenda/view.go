package agenda

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/kit"
)

// View is the agenda screen.
//
// Marking a reminder done or snoozing it does not move the list: the row
// stays where it was, says what was done and turns its buttons off, so the
// next row does not slide under the pointer. The list regroups on Refresh
// (the Refresh button, or the shell showing the agenda again).
type View struct {
	shell Shell

	entries []entry
	handled map[string]accounts.Reminder // changed since the last Refresh, as stored
	bounds  Bounds

	head    *fyne.Container
	leading *fyne.Container
	title   *widget.Label
	summary *widget.Label
	clock   *widget.Label
	refresh *widget.Button
	export  *widget.Button
	list    *widget.List
	empty   *fyne.Container
	body    *fyne.Container
	content fyne.CanvasObject
}

// New builds the agenda over shell; call Refresh to fill it.
func New(shell Shell) *View {
	v := &View{shell: shell, handled: map[string]accounts.Reminder{}}
	v.title = kit.Heading(lang.L("Agenda"))
	v.summary = widget.NewLabel("")
	v.summary.Truncation = fyne.TextTruncateEllipsis
	v.clock = widget.NewLabel("")
	v.clock.SizeName = theme.SizeNameCaptionText
	v.clock.Wrapping = fyne.TextWrapWord
	v.refresh = widget.NewButtonWithIcon(lang.L("Refresh"), theme.ViewRefreshIcon(), v.Refresh)
	v.export = widget.NewButtonWithIcon(lang.L("Export calendar (.ics)…"), theme.DocumentSaveIcon(), v.onExport)
	v.list = widget.NewList(func() int { return len(v.entries) },
		func() fyne.CanvasObject { return newRow(v) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*row).bind(v.entries[id]) })
	emptyText := kit.Body(emptyText())
	emptyText.SetAlignment(fyne.TextAlignCenter)
	v.empty = container.NewCenter(kit.NewFixedWidth(520, container.NewVBox(
		container.NewCenter(widget.NewIcon(theme.ConfirmIcon())), emptyText)))
	v.body = container.NewStack(v.list)
	// One line: [leading] title, the counts (cut short when narrow), the
	// buttons; under it the clock note, when the computer is not on China time.
	v.leading = container.NewHBox(v.title)
	v.head = kit.NewBorder(nil, nil, v.leading, container.NewHBox(v.refresh, v.export), v.summary)
	v.content = kit.NewBorder(container.NewVBox(v.head, v.clock), nil, nil, nil, v.body)
	return v
}

// SetLeading puts o before the title, e.g. the shell's way back.
func (v *View) SetLeading(o fyne.CanvasObject) {
	v.leading.Objects = []fyne.CanvasObject{o, v.title}
	v.head.Refresh()
}

// Content is the screen, for the shell to place.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Refresh reads the reminders again and regroups them at the shell's clock.
func (v *View) Refresh() {
	now := v.shell.Now()
	rs, err := v.shell.Reminders()
	if err != nil {
		v.shell.ShowError(err)
		return
	}
	clear(v.handled)
	v.bounds = BoundsAt(now)
	secs := Sections(rs, now)
	v.entries = v.entries[:0]
	for _, s := range secs {
		v.entries = append(v.entries, entry{heading: true, group: s.Group, count: len(s.Reminders)})
		for _, r := range s.Reminders {
			v.entries = append(v.entries, entry{group: s.Group, r: r})
		}
	}
	v.summary.SetText(summaryText(secs))
	if note := kit.ClockNote(now); note != "" {
		v.clock.SetText(note)
		v.clock.Show()
	} else {
		v.clock.Hide()
	}
	if len(v.entries) == 0 {
		v.summary.Hide()
		v.body.Objects = []fyne.CanvasObject{v.empty}
	} else {
		v.summary.Show()
		v.body.Objects = []fyne.CanvasObject{v.list}
	}
	v.body.Refresh()
	v.list.Refresh()
}

// Entries is how many lines the list shows (headings and reminders).
func (v *View) Entries() int { return len(v.entries) }

// onDone closes a reminder as done; its row stays in place until Refresh.
func (v *View) onDone(id string) {
	r, err := v.shell.MarkDone(id)
	if err != nil {
		v.shell.ShowError(err)
		return
	}
	v.handled[id] = r
	v.list.Refresh()
}

// onSnooze puts a reminder off; its row stays in place until Refresh.
func (v *View) onSnooze(id string, d time.Duration) {
	r, err := v.shell.Snooze(id, d)
	if err != nil {
		v.shell.ShowError(err)
		return
	}
	v.handled[id] = r
	v.list.Refresh()
}

// showSnoozeMenu offers the snooze choices under the row's button.
func (v *View) showSnoozeMenu(id string, from fyne.CanvasObject) {
	var items []*fyne.MenuItem
	for i, label := range kit.SnoozeLabels() {
		d := kit.Snoozes[i]
		items = append(items, fyne.NewMenuItem(label, func() { v.onSnooze(id, d) }))
	}
	c := v.shell.Window().Canvas()
	widget.ShowPopUpMenuAtRelativePosition(fyne.NewMenu("", items...), c, fyne.NewPos(0, from.Size().Height), from)
}

// onOpen shows the account the reminder is about.
func (v *View) onOpen(accountID string) {
	if accountID != "" {
		v.shell.OpenAccount(accountID)
	}
}
