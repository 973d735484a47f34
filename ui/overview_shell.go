package ui

import (
	"context"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/inventory"
	"github.com/unbindapp/unbind/ui/overview"
)

var _ overview.Shell = (*UI)(nil)

// PlatformName implements overview.Shell.
func (u *UI) PlatformName(id string) string {
	n, _ := u.platformNames(id)
	return n
}

// ShowStatus implements overview.Shell: the inventory with one status.
func (u *UI) ShowStatus(s accounts.Status) {
	u.inv.setQuery(inventory.Query{Status: s})
	u.views.show(viewAccounts)
}

// ShowFigure implements overview.Shell: the inventory with the figure's
// accounts. Real name and phone have their own filters; the others become
// a subset the inventory names.
func (u *UI) ShowFigure(fig campaign.Figure, label string) {
	var q inventory.Query
	switch fig {
	case campaign.FigureRealNameBound:
		q.RealNameBound = true
	case campaign.FigurePhoneBound:
		q.PhoneBound = true
	default:
		q.Only = inventory.NewSubset(string(fig), label, u.overview.Figures().IDs(fig))
	}
	u.inv.setQuery(q)
	u.views.show(viewAccounts)
}

// OpenAccount implements overview.Shell.
func (u *UI) OpenAccount(id string) { u.selectAccount(id) }

// loadFigures computes the overview's figures from the store (accounts
// given, tracks and open reminders read); it runs off the UI goroutine at
// load, and on it when one account changed.
func (u *UI) loadFigures(ctx context.Context, accs []accounts.Account, tracks map[string][]accounts.Track) (campaign.Figures, error) {
	var err error
	if tracks == nil {
		if tracks, err = u.d.Store.AllTracks(ctx); err != nil {
			return campaign.Figures{}, err
		}
	}
	open, err := u.d.Store.Reminders(ctx, store.ReminderFilter{OpenOnly: true})
	if err != nil {
		return campaign.Figures{}, err
	}
	return u.figures(accs, tracks, open, u.Now()), nil
}

// figures computes the overview's figures from what is loaded (open: the
// open reminders).
func (u *UI) figures(accs []accounts.Account, tracks map[string][]accounts.Track, open []accounts.Reminder, now time.Time) campaign.Figures {
	return campaign.Compute(campaign.Input{Accounts: accs, Tracks: tracks, Reminders: open,
		Platforms: campaign.FromCatalog(u.d.Catalog), Now: now})
}

// setFigures shows f in the overview and works out the inventory's
// subset again, so a filtered list follows the change.
func (u *UI) setFigures(f campaign.Figures) {
	u.figuresStale = false
	u.overview.Set(f)
	if only := u.query.Only; only != nil {
		u.query.Only = inventory.NewSubset(only.Figure, only.Label, f.IDs(campaign.Figure(only.Figure)))
	}
}

// freshFigures brings the overview up to date after single-account
// changes (they do not reload everything); it runs before the overview
// is shown.
func (u *UI) freshFigures() {
	if !u.figuresStale {
		return
	}
	accs := make([]accounts.Account, len(u.items))
	for i := range u.items {
		accs[i] = *u.items[i].Account
	}
	f, err := u.loadFigures(u.ctx, accs, nil)
	if err != nil {
		u.showError(err)
		return
	}
	u.setFigures(f)
}
