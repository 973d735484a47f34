package reminders_test

import (
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/reminders"
)

// signInAdvice are phrasings that would send a person to sign in; no
// reminder may carry one (in a cooling-off, a sign-in undoes the deletion).
var signInAdvice = []string{"can you still log in", "try to log in", "log in and check", "还能登录吗", "请登录", "登录查看"}

func assertNoSignInAdvice(t *testing.T, body string) {
	t.Helper()
	low := strings.ToLower(body)
	for _, bad := range signInAdvice {
		if strings.Contains(low, bad) {
			t.Errorf("text asks to sign in (%q): %s", bad, body)
		}
	}
}

func coolingPlatform() catalog.Platform {
	p := rulesPlatform()
	for i := range p.Tracks {
		if p.Tracks[i].Kind == accounts.TrackAccountDelete {
			p.Tracks[i].CoolingOff = &catalog.CoolingOff{Kind: catalog.CoolingPeriod, Days: &catalog.Days{Min: 15, Max: 30},
				CancelledBy: []catalog.Canceller{catalog.CancelSignIn, catalog.CancelCompanyProducts}}
		}
	}
	return p
}

func TestCoolingOffWarnsAtOnceAndConfirmsAfterwards(t *testing.T) {
	start := cst(2026, 12, 1, 11, 0)
	until := cst(2026, 12, 31, 0, 0)
	tr := accounts.Track{Kind: accounts.TrackAccountDelete, SubmittedAt: &start, CoolingStartedAt: &start, CoolingUntil: &until}
	for _, lang := range []string{"en", "zh"} {
		in := rulesInput(t, accounts.StatusCoolingOff, tr)
		in.Platform = coolingPlatform()
		in.Account.ThirdParty = []accounts.ThirdParty{accounts.ThirdPartyWeChat}
		in.Settings.Lang = lang
		got := reminders.Derive(in)
		if len(got) != 2 {
			t.Fatalf("%s: cooling-off reminders %v, want the notice and the end check", lang, keys(got))
		}
		notice := byKey(t, got, "cooling_off:account_delete:20261201T030000Z")
		if !notice.DueAt.Equal(start) || notice.Kind != accounts.ReminderCoolingOff {
			t.Errorf("%s: notice %+v, want due at the start", lang, notice)
		}
		wants := map[string][]string{
			"en": {"do not sign in to GoodShop", "2026-12-31", "log in with GoodShop", "WeChat", "another product of the same company"},
			"zh": {"不要登录好店", "2026-12-31", "一键登录", "微信", "同一公司的其他产品"},
		}[lang]
		for _, w := range wants {
			if !strings.Contains(notice.Title+notice.Body, w) {
				t.Errorf("%s: notice lacks %q: %s / %s", lang, w, notice.Title, notice.Body)
			}
		}
		if w := reminders.CoolingWarning(in); w != notice.Body {
			t.Errorf("%s: the detail's warning differs from the notice: %q", lang, w)
		}
		end := byKey(t, got, "cooling_end:account_delete:2026-12-31")
		if !end.DueAt.Equal(cst(2027, 1, 1, 10, 0)) {
			t.Errorf("%s: end check due %v, want the day after the last day", lang, end.DueAt)
		}
		for _, r := range got {
			assertNoSignInAdvice(t, r.Body)
		}
	}
}

// The post-check after a cooling-off is due only the day after it ended,
// even when the person marks the account gone early.
func TestPostCheckWaitsForTheCoolingOff(t *testing.T) {
	start := cst(2026, 12, 1, 11, 0)
	until := cst(2026, 12, 31, 0, 0)
	done := cst(2026, 12, 2, 9, 0)
	tr := accounts.Track{Kind: accounts.TrackAccountDelete, SubmittedAt: &start, CoolingStartedAt: &start, CoolingUntil: &until, CompletedAt: &done}
	in := rulesInput(t, accounts.StatusDeactivated, tr)
	in.Platform = coolingPlatform()
	got := reminders.Derive(in)
	if len(got) != 1 || got[0].Kind != accounts.ReminderPostCheck {
		t.Fatalf("deactivated: %v", keys(got))
	}
	if due := got[0].DueAt; due.Before(cst(2027, 1, 1, 0, 0)) {
		t.Errorf("post-check due %v, inside the cooling-off that ends 2026-12-31", due)
	}
	assertNoSignInAdvice(t, got[0].Body)
}

// No reminder of any state, in either language, tells a person to sign in.
func TestNoReminderAdvisesSigningIn(t *testing.T) {
	start := cst(2026, 9, 1, 11, 0)
	until := cst(2026, 9, 20, 0, 0)
	tr := accounts.Track{Kind: accounts.TrackAccountDelete, SubmittedAt: &start, CoolingStartedAt: &start, CoolingUntil: &until,
		Done: map[string]time.Time{accounts.StepKey(0): start}}
	for _, st := range accounts.Statuses {
		for _, lang := range []string{"zh", "en"} {
			in := rulesInput(t, st, tr)
			in.Platform = coolingPlatform()
			in.Settings.Lang = lang
			for _, r := range reminders.Derive(in) {
				assertNoSignInAdvice(t, r.Title+"\n"+strings.Split(r.Body, reminders.LetterSeparator)[0])
			}
		}
	}
}

// Preparation reminders come only from tracks that are for the account:
// a buyer gets none for shop closure, a seller does.
func TestPrerequisitesFollowApplicability(t *testing.T) {
	p := rulesPlatform()
	for i := range p.Tracks {
		if p.Tracks[i].Kind == accounts.TrackShopClose {
			p.Tracks[i].AppliesTo = []catalog.Flag{catalog.FlagSeller}
			p.Tracks[i].Prerequisites = append(p.Tracks[i].Prerequisites,
				catalog.Prerequisite{ID: catalog.BackupOrders, Text: catalog.Text{Zh: "备份店铺订单", En: "Back up shop orders"}})
		}
	}
	for _, seller := range []bool{false, true} {
		in := rulesInput(t, accounts.StatusPreparing)
		in.Platform, in.Account.Seller = p, seller
		shop := 0
		for _, r := range reminders.Derive(in) {
			if strings.HasPrefix(r.Key, "prerequisite:shop_close:") {
				shop++
			}
		}
		if (shop > 0) != seller {
			t.Errorf("seller %v: %d shop reminders", seller, shop)
		}
	}
}
