package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/inventory"
)

// snapshot is the inventory as loaded, off the UI goroutine.
type snapshot struct {
	items   []inventory.Item
	figures campaign.Figures
	err     error
}

func (u *UI) loadSnapshot() snapshot {
	accs, err := u.svc.List(u.ctx)
	if err != nil {
		return snapshot{err: err}
	}
	extra, err := u.loadExtra("")
	if err != nil {
		return snapshot{err: err}
	}
	tracks := make(map[string][]accounts.Track, len(extra))
	for id, in := range extra {
		tracks[id] = in.Tracks
	}
	f, err := u.loadFigures(u.ctx, accs, tracks)
	if err != nil {
		return snapshot{err: err}
	}
	return snapshot{items: inventory.Build(accs, extra, u.platformNames), figures: f}
}

// loadExtra loads tracks and due reminder counts, of one account or (id
// "") of all.
func (u *UI) loadExtra(id string) (map[string]inventory.Input, error) {
	extra := map[string]inventory.Input{}
	if id == "" {
		all, err := u.d.Store.AllTracks(u.ctx)
		if err != nil {
			return nil, err
		}
		for k, ts := range all {
			extra[k] = inventory.Input{Tracks: ts}
		}
	} else {
		ts, err := u.svc.Tracks(u.ctx, id)
		if err != nil {
			return nil, err
		}
		extra[id] = inventory.Input{Tracks: ts}
	}
	due, err := u.d.Store.Reminders(u.ctx, store.ReminderFilter{AccountID: id, OpenOnly: true, DueBy: u.Now()})
	if err != nil {
		return nil, err
	}
	for _, r := range due {
		in := extra[r.AccountID]
		in.Due++
		extra[r.AccountID] = in
	}
	return extra, nil
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
	u.index = make(map[string]int, len(u.items))
	for i := range u.items {
		u.index[u.items[i].Account.ID] = i
	}
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
	if _, ok := u.index[u.detail.ID()]; !ok {
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
	if i, ok := u.index[id]; ok {
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
