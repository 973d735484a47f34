package account

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
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/kit"
)

// remindersView is the Reminders tab of one account.
type remindersView struct {
	u       *shell
	acc     accounts.Account
	box     *fyne.Container
	content fyne.CanvasObject
	rows    map[string]*reminderRow // reminder ID → its buttons
}

type reminderRow struct {
	done, dismiss, letter *widget.Button
	snooze                *widget.Select
}

func newRemindersView(u *shell) *remindersView {
	v := &remindersView{u: u, box: container.NewVBox()}
	add := widget.NewButtonWithIcon(lang.L("Add reminder…"), theme.ContentAddIcon(), func() { v.onAdd() })
	v.content = kit.NewBorder(nil, container.NewPadded(container.NewHBox(add)), nil, nil,
		container.NewVScroll(container.NewPadded(v.box)))
	return v
}

// show lists the account's reminders and returns how many are open.
func (v *remindersView) show(a accounts.Account) int {
	v.acc = a
	v.rows = map[string]*reminderRow{}
	rs, err := v.u.env().Store.Reminders(v.u.env().Ctx, store.ReminderFilter{AccountID: a.ID})
	v.box.Objects = v.box.Objects[:0]
	if err != nil {
		v.box.Add(kit.Note(theme.ErrorIcon(), err.Error(), widget.DangerImportance))
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
		v.box.Add(kit.Heading(lang.L("Closed")))
		for _, r := range closed {
			v.box.Add(smallWrap(r.Title + " · " + kit.ReminderStateLabel(r.State) + " " + kit.FormatDate(derefTime(r.ClosedAt, r.DueAt))))
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
	now := v.u.env().Now()
	when := r.NextAt()
	state := kit.ReminderStateLabel(r.State)
	imp := widget.MediumImportance
	if r.DueBy(now) || r.State == accounts.ReminderFired {
		state, imp = lang.L("Due"), widget.WarningImportance
	}
	var head fyne.CanvasObject
	if imp == widget.WarningImportance {
		head = kit.Note(theme.WarningIcon(), r.Title, widget.WarningImportance)
	} else {
		title := kit.Body(r.Title)
		head = title
	}
	lines := container.NewVBox(head)
	if body, _, _ := strings.Cut(r.Body, reminders.LetterSeparator); body != "" {
		lines.Add(kit.Body(body))
	}
	lines.Add(smallWrap(state + " · " + kit.FormatDateTime(when)))

	row := &reminderRow{}
	v.rows[r.ID] = row
	rem := v.u.env().Reminders
	row.done = widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), func() {
		v.after(rem.Done(v.u.env().Ctx, r.ID))
	})
	row.dismiss = widget.NewButtonWithIcon(lang.L("Dismiss"), theme.CancelIcon(), func() {
		v.after(rem.Dismiss(v.u.env().Ctx, r.ID))
	})
	row.snooze = widget.NewSelect(kit.SnoozeLabels(), func(string) {})
	row.snooze.PlaceHolder = lang.L("Snooze…")
	row.snooze.OnChanged = func(string) {
		v.after(rem.Snooze(v.u.env().Ctx, r.ID, kit.Snoozes[row.snooze.SelectedIndex()]))
	}
	buttons := container.NewHBox(row.done, row.snooze, row.dismiss)
	if _, letter, ok := strings.Cut(r.Body, reminders.LetterSeparator); ok {
		row.letter = widget.NewButtonWithIcon(lang.L("Request letter…"), theme.MailComposeIcon(), func() { v.showLetter(r.Title, letter) })
		buttons.Add(row.letter)
	}
	return container.NewVBox(lines, buttons, widget.NewSeparator())
}

// after shows a lifecycle change's error, if any, and refreshes.
func (v *remindersView) after(_ accounts.Reminder, err error) {
	v.u.ShowError(err)
	v.u.AccountChanged(v.acc.ID)
}

// showLetter shows the request letters package reminders drafted for an
// escalation (Chinese and English), ready to copy.
func (v *remindersView) showLetter(title, letter string) {
	letter = strings.ReplaceAll(letter, reminders.LetterSeparator, "\n\n")
	// Shown as a Paragraph, which keeps the rules of Chinese typesetting
	// (an entry would wrap between any two characters); Copy copies the
	// letter itself, without the display's line breaks.
	copyBtn := widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		v.u.env().Clipboard.SetContent(letter)
	})
	d := dialog.NewCustom(title, lang.L("Close"), kit.NewBorder(nil, container.NewHBox(copyBtn), nil, nil,
		container.NewVScroll(kit.Body(letter))), v.u.env().Window)
	d.Resize(fyne.NewSize(680, 560))
	kit.Keyed(v.u.env().Window, d, d.Hide)
	d.Show()
}

func (v *remindersView) onAdd() {
	a := v.acc
	title := kit.NewEntry()
	title.SetPlaceHolder(lang.L("e.g. Call customer service again"))
	title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errRequired()
		}
		return nil
	}
	date := widget.NewDateEntry()
	tomorrow := kit.TodayForPicker(v.u.env().Now()).AddDate(0, 0, 1)
	date.SetDate(&tomorrow)
	body := kit.NewMultiLineEntry()
	body.SetMinRowsVisible(3)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Title"), title),
		widget.NewFormItem(lang.L("Date"), date),
		widget.NewFormItem(lang.L("Note"), body),
	}
	d := dialog.NewForm(lang.L("New reminder for \"{{.Name}}\"", map[string]string{"Name": a.Name}), lang.L("Add"), lang.L("Cancel"), items,
		func(ok bool) {
			if !ok || date.Date == nil {
				return
			}
			hour, _ := v.u.env().Store.DueHour(v.u.env().Ctx)
			due := workdays.AtChinaTime(kit.PickedDay(*date.Date), hour, 0)
			// The service takes one note whose first line is the title.
			note := strings.TrimSpace(title.Text)
			if b := strings.TrimSpace(body.Text); b != "" {
				note += "\n" + b
			}
			if _, err := v.u.env().Reminders.AddCustom(v.u.env().Ctx, a.ID, due, note); err != nil {
				v.u.ShowError(err)
			}
			v.u.AccountChanged(a.ID)
		}, v.u.env().Window)
	d.Resize(fyne.NewSize(440, 0))
	kit.Keyed(v.u.env().Window, d, nil)
	d.Show()
}
