package ui

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/agenda"
)

// agendaPage is the Agenda (ui/agenda), one of the main area's views.
type agendaPage struct {
	view *agenda.View
	page fyne.CanvasObject // the view's content in the switcher
}

// buildAgenda makes the agenda view's content (the switcher shows it).
func (u *UI) buildAgenda() fyne.CanvasObject {
	v := agenda.New(agendaShell{u})
	u.agenda = &agendaPage{view: v, page: container.NewPadded(v.Content())}
	return u.agenda.page
}

// agendaShown reports whether the agenda is the view on screen.
func (u *UI) agendaShown() bool { return u.views != nil && u.views.current == viewAgenda }

// agendaMenuItem opens the agenda (Ctrl+T, "today"; the same again goes
// back to the accounts).
func (u *UI) agendaMenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("Agenda"), u.toggleAgenda)
	it.Icon = theme.CalendarIcon()
	it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}
	return it
}

func (u *UI) toggleAgenda() {
	if u.agendaShown() {
		u.hideAgenda()
	} else {
		u.showAgenda()
	}
}

// agendaKey goes back to the accounts on Escape, when the agenda is shown
// and nothing (a dialog, the snooze menu) is over it.
func (u *UI) agendaKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && u.agendaShown() && u.win.Canvas().Overlays().Top() == nil {
		u.hideAgenda()
	}
}

// showAgenda shows the agenda view (the switcher refreshes it first).
func (u *UI) showAgenda() { u.views.show(viewAgenda) }

func (u *UI) hideAgenda() { u.views.show(viewAccounts) }

// refreshAgenda regroups the agenda after the data changed, when shown.
func (u *UI) refreshAgenda() {
	if u.agendaShown() {
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
		if _, ok := s.u.position(r.AccountID); ok {
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
