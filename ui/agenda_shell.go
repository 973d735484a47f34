package ui

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/agenda"
)

// agendaPage is the Agenda (ui/agenda) in the main window: it covers the
// accounts while shown, and "Accounts" (or the shortcut again) goes back.
type agendaPage struct {
	view  *agenda.View
	page  *fyne.Container
	back  *widget.Button
	shown bool
}

// buildAgenda makes the agenda page, shown where it was before a rebuild
// (a language switch).
func (u *UI) buildAgenda() fyne.CanvasObject {
	shown := u.agenda != nil && u.agenda.shown
	p := &agendaPage{view: agenda.New(agendaShell{u})}
	p.back = widget.NewButtonWithIcon(lang.L("Accounts"), theme.NavigateBackIcon(), u.hideAgenda)
	p.view.SetLeading(p.back)
	p.page = container.NewPadded(p.view.Content())
	p.page.Hide()
	u.agenda = p
	if shown {
		u.showAgenda()
	}
	return p.page
}

// agendaMenuItem opens the agenda (Ctrl+T, "today"; the same again goes
// back to the accounts).
func (u *UI) agendaMenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("Agenda"), u.toggleAgenda)
	it.Icon = theme.CalendarIcon()
	it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}
	return it
}

func (u *UI) toggleAgenda() {
	if u.agenda.shown {
		u.hideAgenda()
	} else {
		u.showAgenda()
	}
}

// agendaKey goes back to the accounts on Escape, when the agenda is shown
// and nothing (a dialog, the snooze menu) is over it.
func (u *UI) agendaKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && u.agenda.shown && u.win.Canvas().Overlays().Top() == nil {
		u.hideAgenda()
	}
}

// showAgenda reads the reminders and shows the agenda over the accounts.
func (u *UI) showAgenda() {
	u.agenda.view.Refresh()
	u.agenda.shown = true
	u.body.Hide()
	u.agenda.page.Show()
}

func (u *UI) hideAgenda() {
	u.agenda.shown = false
	u.agenda.page.Hide()
	u.body.Show()
}

// refreshAgenda regroups the agenda after the data changed, when shown.
func (u *UI) refreshAgenda() {
	if u.agenda != nil && u.agenda.shown {
		u.agenda.view.Refresh()
	}
}

// agendaShell is the main window as the agenda sees it.
type agendaShell struct{ u *UI }

var _ agenda.Shell = agendaShell{}

func (s agendaShell) Reminders() ([]accounts.Reminder, error) {
	return s.u.rem.List(s.u.ctx, store.ReminderFilter{OpenOnly: true})
}

// MarkDone closes the reminder and updates its account's line in the
// inventory (its due count), behind the agenda.
func (s agendaShell) MarkDone(id string) (accounts.Reminder, error) {
	r, err := s.u.rem.Done(s.u.ctx, id)
	s.accountChanged(r, err)
	return r, err
}

func (s agendaShell) Snooze(id string, d time.Duration) (accounts.Reminder, error) {
	r, err := s.u.rem.Snooze(s.u.ctx, id, d)
	s.accountChanged(r, err)
	return r, err
}

func (s agendaShell) accountChanged(r accounts.Reminder, err error) {
	if err == nil && r.AccountID != "" {
		if _, ok := s.u.index[r.AccountID]; ok {
			s.u.refreshAccount(r.AccountID)
		}
	}
}

// OpenAccount goes back to the accounts with this one's Reminders tab open.
func (s agendaShell) OpenAccount(id string) {
	s.u.hideAgenda()
	s.u.selectAccount(id)
	s.u.detail.OpenTab("reminders")
}

// SaveICS is `unbindctl remind export-ics`: the same function, store and clock.
func (s agendaShell) SaveICS(w io.Writer) (int, error) {
	return s.u.rem.ExportICS(s.u.ctx, w, reminders.ICSOptions{})
}

func (s agendaShell) Window() fyne.Window { return s.u.win }
func (s agendaShell) Now() time.Time      { return s.u.Now() }
func (s agendaShell) ShowError(err error) { s.u.showError(err) }
