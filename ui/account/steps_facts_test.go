package account

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

// detailTexts is every text under the detail pane.
func detailTexts(u *testUI) string { return strings.Join(uitest.Texts(u.detail.content), "\n") }

// A Douyin account in its cooling-off shows the standing warning in the
// header, names the last day in the track's title, and never tells the
// person to sign in.
func TestCoolingOffWarningInDetail(t *testing.T) {
	u := newTestUI(t, nil)
	ctx := context.Background()
	a := add(t, u, accounts.Account{PlatformID: "douyin", Name: "抖音", Status: accounts.StatusPreparing,
		ThirdParty: []accounts.ThirdParty{accounts.ThirdPartyWeChat}})
	svc := accounts.NewService(u.st, nil) // no guard: the test sets the stage directly
	if _, err := svc.ChangeStatus(ctx, a.ID, accounts.StatusSubmitted, accounts.StatusChange{Track: accounts.TrackAccountDelete}); err != nil {
		t.Fatal(err)
	}
	until := time.Now().UTC().AddDate(0, 0, 7).Truncate(24 * time.Hour)
	if _, err := svc.ChangeStatus(ctx, a.ID, accounts.StatusCoolingOff, accounts.StatusChange{Track: accounts.TrackAccountDelete, CoolingUntil: &until}); err != nil {
		t.Fatal(err)
	}
	u.selectAccount(a.ID)
	if got := u.detail.status.Text(); got != "In cooling-off" {
		t.Errorf("badge %q", got)
	}
	all := detailTexts(u)
	day := kit.FormatDate(until)
	for _, want := range []string{"do not sign in to Douyin", day, "signing in cancels the deletion", "cooling-off until " + day} {
		if !strings.Contains(all, want) {
			t.Errorf("detail lacks %q:\n%s", want, all)
		}
	}
	for _, bad := range []string{"try to log in", "Can you still log in"} {
		if strings.Contains(all, bad) {
			t.Errorf("detail asks to sign in (%q)", bad)
		}
	}
}

// A Taobao seller meets the permanent "ever had a shop" blocker: the
// deletion's steps cannot be ticked, the reason and the fallback are shown,
// and submitting is refused with the reason.
func TestBlockedTrackCannotBeTicked(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "taobao", Name: "淘宝店", Seller: true})
	u.selectAccount(a.ID)
	step := u.detail.steps.checks[string(accounts.TrackAccountDelete)+"/"+accounts.StepKey(0)]
	if step == nil || !step.Disabled() {
		t.Fatalf("a permanently blocked deletion offers a tickable step: %v", step)
	}
	if all := detailTexts(u); !strings.Contains(all, "Cannot be done for this account") {
		t.Errorf("no reason shown:\n%s", all)
	}
	_, err := u.svc.ChangeStatus(context.Background(), a.ID, accounts.StatusSubmitted, accounts.StatusChange{Track: accounts.TrackAccountDelete})
	var be *accounts.BlockedError
	if !errors.As(err, &be) || be.Blocker != "ever_had_shop" {
		t.Fatalf("submission not refused: %v", err)
	}
	if msg := kit.FriendlyError(err).Error(); !strings.Contains(msg, "cannot be done for this account") {
		t.Errorf("message %q", msg)
	}
	// "The whole account" means the platform's main track: refused too.
	if _, err := u.svc.ChangeStatus(context.Background(), a.ID, accounts.StatusSubmitted, accounts.StatusChange{}); !errors.As(err, &be) {
		t.Errorf("a whole-account submission got through: %v", err)
	}
}

// A buyer's account lists the shop track as not for it, and a confirmable
// blocker lifts once the person ticks "does not apply".
func TestTracksFollowAccountFlags(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "taobao", Name: "买家号"})
	u.selectAccount(a.ID)
	all := detailTexts(u)
	if !strings.Contains(all, "not for this account (not a seller)") {
		t.Errorf("shop track not marked:\n%s", all)
	}
	key := string(accounts.TrackAccountDelete) + "/" + accounts.BlockerKey("recent_trade")
	c := u.detail.steps.checks[key]
	if c == nil {
		t.Fatalf("no confirm box for %s", key)
	}
	test.Tap(c)
	if got := u.detail.steps.checks[key]; got == nil || !got.Checked {
		t.Error("the confirmation did not stick")
	}
	if !strings.Contains(detailTexts(u), "Sources") {
		t.Error("no sources listed")
	}
}
