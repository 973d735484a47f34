package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

// campaignUI is the app over a real SQLite file holding a known campaign:
// Taobao deleted with its password still stored, JD preparing (blocked by
// its catalog blockers), Douyin in cooling-off for ten more days, Xianyu
// untouched.
func campaignUI(t *testing.T) (*UI, map[string]string) {
	t.Helper()
	keyring.MockInit()
	u := newTestUI(t, nil)
	ctx := context.Background()
	ids := map[string]string{}
	move := func(id string, to accounts.Status, track accounts.TrackKind, until *time.Time) {
		t.Helper()
		if _, err := u.svc.ChangeStatus(ctx, id, to, accounts.StatusChange{Track: track, CoolingUntil: until}); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []accounts.Account{
		{PlatformID: "taobao", Name: "Taobao main", Phone: "13812345678", RealName: true},
		{PlatformID: "xianyu", Name: "Xianyu", Phone: "13812345678"},
		{PlatformID: "jd", Name: "JD", Phone: "13900001111"},
		{PlatformID: "douyin", Name: "Douyin"},
	} {
		saved, err := u.svc.Add(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		ids[a.PlatformID] = saved.ID
	}
	if err := u.svc.SetSecret(ctx, ids["taobao"], accounts.SecretPassword, "pw"); err != nil {
		t.Fatal(err)
	}
	u.svc.Guard = nil // the story, not the blockers, is under test here
	move(ids["taobao"], accounts.StatusPreparing, "", nil)
	move(ids["taobao"], accounts.StatusSubmitted, accounts.TrackAccountDelete, nil)
	move(ids["taobao"], accounts.StatusDeactivated, accounts.TrackAccountDelete, nil)
	move(ids["jd"], accounts.StatusPreparing, "", nil)
	until := coolingUntil()
	move(ids["douyin"], accounts.StatusPreparing, "", nil)
	move(ids["douyin"], accounts.StatusSubmitted, accounts.TrackAccountDelete, nil)
	move(ids["douyin"], accounts.StatusCoolingOff, accounts.TrackAccountDelete, &until)
	u.Reload()
	return u, ids
}

// coolingUntil is Douyin's last day of cooling-off: ten days from now.
func coolingUntil() time.Time {
	y, m, d := time.Now().AddDate(0, 0, 10).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func shownIDs(u *UI) []string {
	var out []string
	for _, i := range u.shown {
		out = append(out, u.items[i].Account.ID)
	}
	slices.Sort(out)
	return out
}

func sorted(ids ...string) []string { slices.Sort(ids); return ids }

func TestOverviewIsFirstAndShowsTheCampaign(t *testing.T) {
	u, ids := campaignUI(t)
	if u.body.Objects[0] != u.main || u.views.current != viewOverview || !u.overview.Content().Visible() || u.split.Visible() {
		t.Fatalf("with accounts the window should open on the overview (view %q)", u.views.current)
	}
	f := u.overview.Figures()
	if f.Accounts != 4 || f.Count(accounts.StatusDeactivated) != 1 || f.Count(accounts.StatusCoolingOff) != 1 ||
		len(f.Blocked) != 1 || f.Blocked[0].ID != ids["jd"] || len(f.SecretsGone) != 1 || len(f.PhoneBound) != 2 || len(f.RealNameBound) != 1 {
		t.Errorf("figures %+v", f)
	}
	sentence := uitest.Find(u.overview.Content(), func(p *kit.Paragraph) bool { return strings.HasPrefix(p.Text(), "4 accounts on 4 platforms") })
	if sentence == nil || !strings.Contains(sentence.Text(), "1 in cooling-off until "+kit.FormatDate(coolingUntil())) || !strings.Contains(sentence.Text(), "1 blocked (JD.com)") {
		t.Errorf("no sentence in China-time dates with the blocked platform: %v", sentence)
	}
	if !uitest.Shows(u.overview.Content(), "Secrets stored for gone accounts: 1") {
		t.Error("the overview does not say a gone account still has secrets stored")
	}
}

func TestOverviewFiguresOpenTheFilteredInventory(t *testing.T) {
	u, ids := campaignUI(t)
	test.Tap(uitest.Button(u.overview.Content(), "Show in the list (1)")) // cooling-off, the first such button
	if u.views.current != viewAccounts || !u.split.Visible() {
		t.Fatalf("a figure should open the inventory, view is %q", u.views.current)
	}
	if got := shownIDs(u); !slices.Equal(got, []string{ids["douyin"]}) || u.inv.summary.Text != "In cooling-off: 1 of 4 accounts" || u.inv.showAll.Disabled() {
		t.Errorf("cooling-off figure shows %v, summary %q", got, u.inv.summary.Text)
	}
	test.Tap(u.inv.showAll)
	if len(u.shown) != 4 || !u.inv.showAll.Disabled() || u.query.Only != nil {
		t.Errorf("Show all left %d accounts, query %+v", len(u.shown), u.query)
	}
	for _, c := range []struct {
		open func()
		want []string
	}{
		{func() { u.ShowFigure(campaign.FigureBlocked, "Blocked") }, []string{ids["jd"]}},
		{func() { u.ShowFigure(campaign.GroupFigure("taobao"), "Taobao · Xianyu") }, sorted(ids["taobao"], ids["xianyu"])},
		{func() { u.ShowFigure(campaign.FigurePhoneBound, "Phone still bound") }, sorted(ids["jd"], ids["xianyu"])},
		{func() { u.ShowFigure(campaign.FigureSecretsGone, "Secrets") }, []string{ids["taobao"]}},
		{func() { u.ShowStatus(accounts.StatusPreparing) }, []string{ids["jd"]}},
	} {
		u.views.show(viewOverview)
		c.open()
		if got := shownIDs(u); !slices.Equal(got, c.want) || u.views.current != viewAccounts {
			t.Errorf("figure shows %v in view %q, want %v", got, u.views.current, c.want)
		}
	}
	if !u.inv.phone.Checked == (u.query.PhoneBound) || u.inv.status.Selected != "Preparing (1)" {
		t.Errorf("the filter widgets do not show the figure's filter: status %q", u.inv.status.Selected)
	}
}

// TestOverviewFollowsChanges: a change to one account (which does not
// reload everything) reaches the overview the next time it is shown, and
// an inventory filtered to a figure follows it.
func TestOverviewFollowsChanges(t *testing.T) {
	u, ids := campaignUI(t)
	u.ShowFigure(campaign.FigureBlocked, "Blocked")
	if _, err := u.svc.ChangeStatus(context.Background(), ids["jd"], accounts.StatusKept, accounts.StatusChange{}); err != nil {
		t.Fatal(err)
	}
	u.refreshAccount(ids["jd"])
	u.views.show(viewOverview)
	if n := len(u.overview.Figures().Blocked); n != 0 || u.overview.Figures().Count(accounts.StatusKept) != 1 {
		t.Errorf("after keeping JD the overview still shows %d blocked", n)
	}
	u.Reload()
	if len(u.shown) != 0 {
		t.Errorf("the blocked list still shows %d accounts after the reload", len(u.shown))
	}
}

func TestViewShortcutsAndFind(t *testing.T) {
	u, _ := campaignUI(t)
	u.onFind()
	if u.views.current != viewAccounts {
		t.Error("Find should show the accounts")
	}
	shortcut := func(key fyne.KeyName) {
		u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
	}
	shortcut(fyne.Key1)
	if u.views.current != viewOverview || u.split.Visible() || !u.overview.Content().Visible() {
		t.Error("Ctrl+1 does not come back to the overview")
	}
	shortcut(fyne.Key2)
	if u.views.current != viewAccounts || !u.split.Visible() {
		t.Error("Ctrl+2 does not show the accounts")
	}
	test.Tap(uitest.Button(u.views.bar, "Overview"))
	if u.views.current != viewOverview {
		t.Error("the switcher's Overview button does not show the overview")
	}
}

// TestOverviewFitsSmallWindow: at 900×600 the overview scrolls instead of
// pushing the window wider.
func TestOverviewFitsSmallWindow(t *testing.T) {
	u, _ := campaignUI(t)
	if min := u.root.MinSize(); min.Width > 900 || min.Height > 600 {
		t.Errorf("the window needs %v, more than 900×600", min)
	}
}
