package inventory

import (
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
)

func nextPlatform() catalog.Platform {
	step := []catalog.Step{{Text: catalog.Text{Zh: "做", En: "Do"}}}
	return catalog.Platform{ID: "p", Tracks: []catalog.Track{
		{Kind: accounts.TrackShopClose, AppliesTo: []catalog.Flag{catalog.FlagSeller}, Steps: step},
		{Kind: accounts.TrackRealNameUnbind, NotPossible: catalog.Text{Zh: "不能", En: "Cannot"}, Steps: step},
		{Kind: accounts.TrackPhoneUnbind, Steps: step},
	}}
}

// The next step skips tracks that are not for the account or that the
// platform does not offer, unless the person has started them.
func TestCurrentTrackFollowsApplicability(t *testing.T) {
	p := nextPlatform()
	buyer := accounts.Account{Status: accounts.StatusActive}
	if ct, ok := CurrentTrack(buyer, nil, p); !ok || ct.Kind != accounts.TrackPhoneUnbind {
		t.Errorf("buyer: %v %v, want the phone track", ct.Kind, ok)
	}
	seller := accounts.Account{Status: accounts.StatusActive, Seller: true}
	if ct, _ := CurrentTrack(seller, nil, p); ct.Kind != accounts.TrackShopClose {
		t.Errorf("seller: %v, want the shop track", ct.Kind)
	}
	started := []accounts.Track{{Kind: accounts.TrackShopClose, Done: map[string]time.Time{accounts.StepKey(0): time.Now()}}}
	if ct, _ := CurrentTrack(buyer, started, p); ct.Kind != accounts.TrackShopClose {
		t.Errorf("a track the person started is current even if not for them: %v", ct.Kind)
	}
	cool := accounts.Account{Status: accounts.StatusCoolingOff}
	if n := NextAction(cool, nil, p); n.Kind != NextCoolingOff {
		t.Errorf("cooling-off: next %v", n.Kind)
	}
}
