package report_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/report"
)

// A buyer's Pinduoduo account is not counted against the shop track it
// has no shop for; a seller's is, and a track in its cooling-off carries
// its last day and its sources.
func TestTracksFollowFlagsAndCoolingOff(t *testing.T) {
	f := newFixture(t)
	start := time.Date(2026, 5, 1, 2, 0, 0, 0, time.UTC)
	until := time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC)
	buyer := accounts.Account{ID: "b", PlatformID: "pinduoduo", Name: "买家", Status: accounts.StatusCoolingOff}
	seller := accounts.Account{ID: "s", PlatformID: "pinduoduo", Name: "商家", Seller: true, Status: accounts.StatusActive}
	in := report.Input{Accounts: []accounts.Account{buyer, seller}, Platforms: f.in.Platforms, Calendar: f.in.Calendar,
		Tracks: map[string][]accounts.Track{"b": {{Kind: accounts.TrackAccountDelete, SubmittedAt: &start, CoolingStartedAt: &start, CoolingUntil: &until}}}}
	r, err := report.Build(context.Background(), in, baseOptions())
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string][]string{}
	for _, a := range r.Accounts {
		for _, tr := range a.Tracks {
			kinds[a.Name] = append(kinds[a.Name], tr.Kind)
			if a.Name == "买家" && tr.Kind == string(accounts.TrackAccountDelete) {
				if tr.CoolingOffUntil != "2026-05-31" || len(tr.Sources) == 0 || !tr.Verified {
					t.Errorf("deletion track: until %q, %d sources, verified %v", tr.CoolingOffUntil, len(tr.Sources), tr.Verified)
				}
			}
		}
	}
	if slices.Contains(kinds["买家"], string(accounts.TrackShopClose)) {
		t.Errorf("the buyer is counted against shop closure: %v", kinds["买家"])
	}
	if !slices.Contains(kinds["商家"], string(accounts.TrackShopClose)) {
		t.Errorf("the seller lacks shop closure: %v", kinds["商家"])
	}
}
