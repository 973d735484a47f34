package account

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/workdays"
	"github.com/unbindapp/unbind/ui/inventory"
	"github.com/unbindapp/unbind/ui/kit"
)

// The onX handlers call the domain, show its errors and refresh.

func (u *shell) onTick(a accounts.Account, kind accounts.TrackKind, key string, done bool) {
	if _, err := u.env().Service.TickStep(u.env().Ctx, a.ID, kind, key, done); err != nil {
		u.ShowError(err)
	}
	u.AccountChanged(a.ID)
}

func (u *shell) onEvidence(a accounts.Account, kind accounts.TrackKind, ticket, note string) {
	if err := u.env().Service.SetEvidence(u.env().Ctx, a.ID, kind, ticket, note); err != nil {
		u.ShowError(err)
		return
	}
	u.AccountChanged(a.ID)
}

// changeStatus is what the status dialog confirms.
func (u *shell) changeStatus(a accounts.Account, to accounts.Status, change accounts.StatusChange) error {
	_, err := u.env().Service.ChangeStatus(u.env().Ctx, a.ID, to, change)
	u.AccountChanged(a.ID)
	return err
}

// onChangeStatus asks for the track, a note and (when submitting) the
// ticket number, then moves the account.
func (u *shell) onChangeStatus(a accounts.Account, to accounts.Status) {
	p, _ := u.platform(a.PlatformID)
	tracks, _ := u.env().Service.Tracks(u.env().Ctx, a.ID)
	trackSel := widget.NewSelect(nil, nil)
	kinds := []accounts.TrackKind{""}
	options := []string{lang.L("The whole account")}
	for _, t := range p.Tracks {
		kinds = append(kinds, t.Kind)
		options = append(options, kit.TrackLabel(t.Kind))
	}
	trackSel.SetOptions(options)
	trackSel.SetSelectedIndex(0)
	if ct, ok := inventory.CurrentTrack(a, tracks, p); ok && to != accounts.StatusKept && to != accounts.StatusActive {
		for i, k := range kinds {
			if k == ct.Kind {
				trackSel.SetSelectedIndex(i)
			}
		}
	}
	noteEntry := kit.NewEntry()
	noteEntry.SetPlaceHolder(lang.L("What happened (optional)"))
	ticket := kit.NewEntry()
	ticket.SetPlaceHolder(lang.L("Ticket or application number (optional)"))
	items := []*widget.FormItem{}
	if len(p.Tracks) > 0 {
		items = append(items, widget.NewFormItem(lang.L("About"), trackSel))
	}
	// A cooling-off needs its last day: the one the platform shows, else
	// the catalog's longest period from today.
	until := widget.NewDateEntry()
	if to == accounts.StatusCoolingOff {
		fill := func() {
			if i := trackSel.SelectedIndex(); i > 0 {
				if ct, ok := p.Track(kinds[i]); ok {
					if end, ok := ct.CoolingOffEnd(u.env().Now()); ok {
						until.SetDate(&end)
					}
				}
			}
		}
		fill()
		trackSel.OnChanged = func(string) { fill() }
		last := widget.NewFormItem(lang.L("Last day"), until)
		last.HintText = lang.L("The last day of the cooling-off, as the platform shows it. Do not sign in before it has passed.")
		items = append(items, last)
	}
	items = append(items, widget.NewFormItem(lang.L("Note"), noteEntry))
	if to == accounts.StatusSubmitted || to == accounts.StatusRejected || to == accounts.StatusDeactivated {
		items = append(items, widget.NewFormItem(lang.L("Ticket"), ticket))
	}
	title := lang.L("Mark \"{{.Name}}\" as {{.Status}}", map[string]string{"Name": a.Name, "Status": kit.StatusLabel(to)})
	d := dialog.NewForm(title, kit.StatusLabel(to), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		change := accounts.StatusChange{Note: noteEntry.Text, Evidence: ticket.Text}
		if i := trackSel.SelectedIndex(); i > 0 {
			change.Track = kinds[i]
		}
		if to == accounts.StatusCoolingOff && until.Date != nil {
			y, m, d := until.Date.Date()
			day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC) // a China-time civil day, as the store keeps dates
			change.CoolingUntil = &day
		}
		u.ShowError(u.changeStatus(a, to, change))
	}, u.env().Window)
	d.Resize(fyne.NewSize(460, 0))
	kit.Keyed(u.env().Window, d, nil)
	d.Show()
}

func (u *shell) onRecordBackup(a accounts.Account) {
	date := widget.NewDateEntry()
	today := kit.TodayForPicker(u.env().Now())
	date.SetDate(&today)
	noteEntry := kit.NewEntry()
	noteEntry.SetPlaceHolder(lang.L("What you saved, e.g. orders and invoices"))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Date"), date),
		widget.NewFormItem(lang.L("Note"), noteEntry),
	}
	d := dialog.NewForm(lang.L("Record a backup of \"{{.Name}}\"", map[string]string{"Name": a.Name}), lang.L("Record"), lang.L("Cancel"), items,
		func(ok bool) {
			if !ok {
				return
			}
			var at time.Time // zero: now
			if date.Date != nil && !date.Date.Equal(today) {
				at = workdays.AtChinaTime(kit.PickedDay(*date.Date), 12, 0)
			}
			if err := u.env().Service.RecordBackup(u.env().Ctx, a.ID, at, noteEntry.Text); err != nil {
				u.ShowError(err)
			}
			u.AccountChanged(a.ID)
		}, u.env().Window)
	d.Resize(fyne.NewSize(420, 0))
	kit.Keyed(u.env().Window, d, nil)
	d.Show()
}

func (u *shell) onDelete(a accounts.Account) {
	msg := lang.L("Delete \"{{.Name}}\" from Unbind? Its passwords are removed from the system keyring too. Its history stays in the audit report. This does not delete the account on the platform.",
		map[string]string{"Name": a.Name})
	n := 0
	if d := u.view.d; d.id == a.ID {
		n = len(d.files)
	}
	if n == 0 {
		kit.ShowConfirm(lang.L("Delete account"), msg, func(ok bool) { u.deleteAccount(a, true, ok) }, u.env().Window)
		return
	}
	// Evidence files are proof of what was sent: the person decides, and
	// keeping them is the default.
	keep, drop := lang.L("Keep its {{.N}} evidence files (in the data folder and the report)", map[string]any{"N": n}),
		lang.L("Delete its {{.N}} evidence files too", map[string]any{"N": n})
	choice := widget.NewRadioGroup([]string{keep, drop}, nil)
	choice.Required = true
	choice.SetSelected(keep)
	u.deleteChoice = choice
	body := container.NewVBox(kit.Body(msg), choice)
	d := dialog.NewCustomConfirm(lang.L("Delete account"), lang.L("Delete"), lang.L("Cancel"), kit.NewFixedWidth(460, body),
		func(ok bool) { u.deleteAccount(a, choice.Selected != drop, ok) }, u.env().Window)
	kit.Keyed(u.env().Window, d, nil)
	d.Show()
}

func (u *shell) deleteAccount(a accounts.Account, keepEvidence, ok bool) {
	if !ok {
		return
	}
	if err := u.env().Service.DeleteKeepingEvidence(u.env().Ctx, a.ID, keepEvidence); err != nil {
		u.ShowError(err)
		return
	}
	u.view.Clear()
	u.Reload()
}
