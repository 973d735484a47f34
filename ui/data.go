package ui

import (
	"cmp"
	"errors"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/reminders"
	"github.com/unbindapp/unbind/ui/inventory"
)

// snapshot is the inventory as loaded, off the UI goroutine. The items
// point into the accounts; the first reminder sync reuses the accounts
// and the tracks rather than reading them again.
type snapshot struct {
	items   []inventory.Item
	figures campaign.Figures
	loaded  reminders.Snapshot
	err     error
}

func (u *UI) loadSnapshot() snapshot {
	// The write count first: the first sync may stamp the data as derived
	// at it. Then three independent reads, side by side on connections of
	// their own (at 50k the accounts and the reminders take about as long
	// as each other). One read of the open reminders serves the list's due
	// counts and the overview's deadlines (neither needs the bodies, the
	// longest column) and is garbage before the list is shown; the first
	// sync reads every reminder itself, later.
	count, countErr := u.d.Store.WriteCount(u.ctx)
	var (
		accs   []accounts.Account
		tracks map[string][]accounts.Track
		open   []accounts.Reminder
		errs   [3]error
		wg     sync.WaitGroup
	)
	wg.Go(func() { tracks, errs[1] = u.d.Store.AllTracks(u.ctx) })
	wg.Go(func() {
		open, errs[2] = u.d.Store.Reminders(u.ctx, store.ReminderFilter{OpenOnly: true, AnyOrder: true, WithoutBody: true})
	})
	accs, errs[0] = u.svc.List(u.ctx)
	wg.Wait()
	if err := cmp.Or(errs[:]...); err != nil {
		return snapshot{err: err}
	}
	now := u.Now()
	extra := withCounts(tracks, open, func(r accounts.Reminder) bool { return r.OpenAndDue(now) })
	f := u.figures(accs, tracks, open, now)
	return snapshot{items: inventory.Build(accs, extra, u.platformNames), figures: f,
		loaded: reminders.Snapshot{Accounts: accs, Tracks: tracks, WriteCount: count, Counted: countErr == nil}}
}

// loadExtra loads the tracks and due reminder count of one account.
func (u *UI) loadExtra(id string) (map[string]inventory.Input, error) {
	ts, err := u.svc.Tracks(u.ctx, id)
	if err != nil {
		return nil, err
	}
	return u.withDue(id, map[string][]accounts.Track{id: ts})
}

// withDue adds the count of account id's due reminders (the store's
// filter for Reminder.OpenAndDue) to its tracks.
func (u *UI) withDue(id string, tracks map[string][]accounts.Track) (map[string]inventory.Input, error) {
	due, err := u.d.Store.Reminders(u.ctx, store.ReminderFilter{AccountID: id, OpenOnly: true, DueBy: u.Now()})
	if err != nil {
		return nil, err
	}
	return withCounts(tracks, due, func(accounts.Reminder) bool { return true }), nil
}

// withCounts is the list's input per account: its tracks, and how many
// of rs are due by isDue.
func withCounts(tracks map[string][]accounts.Track, rs []accounts.Reminder, isDue func(accounts.Reminder) bool) map[string]inventory.Input {
	extra := make(map[string]inventory.Input, len(tracks))
	for k, ts := range tracks {
		extra[k] = inventory.Input{Tracks: ts}
	}
	for _, r := range rs {
		if isDue(r) {
			in := extra[r.AccountID]
			in.Due++
			extra[r.AccountID] = in
		}
	}
	return extra
}

// platformNames gives the list's display name of a platform and the other
// names a search should find it by.
func (u *UI) platformNames(id string) (string, []string) {
	if p, ok := u.platform(id); ok {
		return p.Names.In(u.d.Lang), append([]string{p.Names.Zh, p.Names.En}, p.Aliases...)
	}
	if id == accounts.CustomPlatform {
		return lang.L("Other platform"), nil
	}
	return id, nil
}

func (u *UI) platform(id string) (catalog.Platform, bool) {
	if u.d.Catalog == nil {
		return catalog.Platform{}, false
	}
	return u.d.Catalog.Platform(id)
}

func (u *UI) apply(s snapshot) {
	if s.err != nil {
		u.showError(fmt.Errorf("%s %w", lang.L("Could not load the accounts:"), s.err))
		return
	}
	u.items = s.items
	if u.toolView != nil {
		u.body.Objects = []fyne.CanvasObject{u.toolView}
	} else if len(u.items) == 0 {
		u.body.Objects = []fyne.CanvasObject{u.empty}
	} else {
		u.body.Objects = []fyne.CanvasObject{u.main}
	}
	u.body.Refresh()
	u.setFigures(s.figures)
	u.inv.updateOptions()
	u.refilter()
	if _, ok := u.position(u.detail.ID()); !ok {
		u.detail.Clear()
	}
	u.updateTray()
	u.selectPending()
	u.refreshAgenda()
}

// refilter applies the query and refreshes the list and counts.
func (u *UI) refilter() {
	u.shown = inventory.Filter(u.items, u.query, u.shown[:0])
	u.inv.refresh()
}

// refreshAccount reloads one account after a change to it, without
// reloading the whole inventory.
func (u *UI) refreshAccount(id string) {
	u.syncReminders(id)
	a, err := u.svc.Get(u.ctx, id)
	if errors.Is(err, accounts.ErrNotFound) {
		u.Reload()
		return
	}
	if err != nil {
		u.showError(err)
		return
	}
	extra, err := u.loadExtra(id)
	if err != nil {
		u.showError(err)
		return
	}
	item := inventory.Build([]accounts.Account{a}, extra, u.platformNames)[0]
	if i, ok := u.position(id); ok {
		u.items[i] = item
	} else {
		u.Reload()
		return
	}
	u.figuresStale = true
	if u.views.current == viewOverview {
		u.freshFigures()
	}
	u.inv.updateOptions()
	u.refilter()
	if u.detail.ID() == id {
		u.detail.Show(id)
	}
	u.updateTray()
}

// position finds an account in items. A scan, not a map: it runs once per
// change the person makes, in microseconds even for 50,000 accounts, and
// a map of every ID would cost 150 bytes per account for as long as the
// window is open.
func (u *UI) position(id string) (int, bool) {
	for i := range u.items {
		if u.items[i].Account.ID == id {
			return i, true
		}
	}
	return 0, false
}

// select shows an account, selecting it in the list when it is shown.
func (u *UI) selectAccount(id string) {
	u.views.show(viewAccounts)
	for row, i := range u.shown {
		if u.items[i].Account.ID == id {
			u.inv.list.Select(row)
			return
		}
	}
	u.detail.Show(id)
}
