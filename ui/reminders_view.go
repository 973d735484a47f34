package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// remindersView is the Reminders tab of one account.
type remindersView struct {
	u       *UI
	acc     accounts.Account
	box     *fyne.Container
	content fyne.CanvasObject
	rows    map[string]*reminderRow // reminder ID → its buttons
}

type reminderRow struct {
	done, dismiss *widget.Button
	snooze        *widget.Select
}

// snoozes are the snooze choices offered.
var snoozes = []time.Duration{24 * time.Hour, 3 * 24 * time.Hour, 7 * 24 * time.Hour}

func newRemindersView(u *UI) *remindersView {
	v := &remindersView{u: u, box: container.NewVBox()}
	add := widget.NewButtonWithIcon(lang.L("Add reminder…"), theme.ContentAddIcon(), func() { v.onAdd() })
	v.content = container.NewBorder(nil, container.NewPadded(container.NewHBox(add)), nil, nil,
		container.NewVScroll(container.NewPadded(v.box)))
	return v
}

// show lists the account's reminders and returns how many are open.
func (v *remindersView) show(a accounts.Account) int {
	v.acc = a
	v.rows = map[string]*reminderRow{}
	rs, err := v.u.d.Store.Reminders(v.u.ctx, store.ReminderFilter{AccountID: a.ID})
	v.box.Objects = v.box.Objects[:0]
	if err != nil {
		v.box.Add(note(theme.ErrorIcon(), err.Error(), widget.DangerImportance))
		v.box.Refresh()
		return 0
	}
	open := 0
	var closed []accounts.Reminder
	for _, r := range rs {
		if r.State.Open() {
			open++
			v.box.Add(v.row(r))
		} else {
			closed = append(closed, r)
		}
	}
	if open == 0 {
		v.box.Add(smallWrap(lang.L("No open reminders for this account. Unbind adds them as you go: before irreversible steps, when a review should be over, and to check a deletion worked.")))
	}
	if len(closed) > 0 {
		v.box.Add(heading(lang.L("Closed")))
		for _, r := range closed {
			v.box.Add(smallWrap(r.Title + " · " + reminderStateLabel(r.State) + " " + formatDate(derefTime(r.ClosedAt, r.DueAt))))
		}
	}
	v.box.Refresh()
	return open
}

func derefTime(t *time.Time, def time.Time) time.Time {
	if t == nil {
		return def
	}
	return *t
}

func (v *remindersView) row(r accounts.Reminder) fyne.CanvasObject {
	now := v.u.Now()
	when := r.DueAt
	if r.State == accounts.ReminderSnoozed && r.SnoozedUntil != nil {
		when = *r.SnoozedUntil
	}
	state := reminderStateLabel(r.State)
	imp := widget.MediumImportance
	if r.DueBy(now) || r.State == accounts.ReminderFired {
		state, imp = lang.L("Due"), widget.WarningImportance
	}
	var head fyne.CanvasObject
	if imp == widget.WarningImportance {
		head = note(theme.WarningIcon(), r.Title, widget.WarningImportance)
	} else {
		title := wrapLabel(r.Title)
		title.TextStyle.Bold = true
		head = title
	}
	lines := container.NewVBox(head)
	if r.Body != "" {
		lines.Add(wrapLabel(r.Body))
	}
	lines.Add(smallWrap(state + " · " + formatDateTime(when)))

	row := &reminderRow{}
	v.rows[r.ID] = row
	row.done = widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), func() { v.setState(r, accounts.ReminderDone, nil) })
	row.dismiss = widget.NewButtonWithIcon(lang.L("Dismiss"), theme.CancelIcon(), func() { v.setState(r, accounts.ReminderDismissed, nil) })
	labels := []string{lang.L("1 day"), lang.L("3 days"), lang.L("1 week")}
	row.snooze = widget.NewSelect(labels, func(string) {})
	row.snooze.PlaceHolder = lang.L("Snooze…")
	row.snooze.OnChanged = func(string) {
		until := v.u.Now().Add(snoozes[row.snooze.SelectedIndex()])
		v.setState(r, accounts.ReminderSnoozed, &until)
	}
	buttons := container.NewHBox(row.done, row.snooze, row.dismiss)
	return container.NewVBox(lines, buttons, widget.NewSeparator())
}

func (v *remindersView) setState(r accounts.Reminder, to accounts.ReminderState, until *time.Time) {
	if _, err := v.u.d.Store.SetReminderState(v.u.ctx, r.ID, to, v.u.Now(), until); err != nil {
		v.u.showError(err)
	}
	v.u.refreshAccount(v.acc.ID)
}

func (v *remindersView) onAdd() {
	a := v.acc
	title := widget.NewEntry()
	title.SetPlaceHolder(lang.L("e.g. Call customer service again"))
	title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errRequired()
		}
		return nil
	}
	date := widget.NewDateEntry()
	tomorrow := time.Now().AddDate(0, 0, 1)
	date.SetDate(&tomorrow)
	body := widget.NewMultiLineEntry()
	body.SetMinRowsVisible(3)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.L("Date"), date),
		widget.NewFormItem(lang.L("Note"), body),
	}
	d := dialog.NewForm(lang.L("New reminder for “{{.Name}}”", map[string]string{"Name": a.Name}), lang.L("Add"), lang.L("Cancel"), items,
		func(ok bool) {
			if !ok || date.Date == nil {
				return
			}
			day := date.Date.Local()
			due := time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, time.Local)
			r := accounts.Reminder{AccountID: a.ID, Kind: accounts.ReminderCustom, Title: strings.TrimSpace(title.Text),
				Body: strings.TrimSpace(body.Text), DueAt: due.UTC()}
			if _, err := v.u.d.Store.AddReminder(v.u.ctx, r); err != nil {
				v.u.showError(err)
			}
			v.u.refreshAccount(a.ID)
		}, v.u.win)
	d.Resize(fyne.NewSize(440, 0))
	d.Show()
}
