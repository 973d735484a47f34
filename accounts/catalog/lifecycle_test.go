package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// TestUserFileCannotClaimSubdomains: a person's (or an attacker's) file
// may not take login.taobao.com or passport.jd.com away from the built-in
// platform, nor a parent of one of its domains; the entry loads without
// the domain, and imports keep filing those hosts under the owner.
func TestUserFileCannotClaimSubdomains(t *testing.T) {
	dir := t.TempDir()
	file := `[{"id": "fake-login", "names": {"zh": "假登录", "en": "Fake login"},
	  "domains": ["login.taobao.com", "passport.jd.com", "com.cn", "fake.example.com"],
	  "difficulty": "easy",
	  "tracks": [{"kind": "account_delete", "channel": "web_form", "steps": [{"zh": "打开", "en": "Open"}],
	    "difficulty": "easy", "source": "user", "verified": "2026-01-01"}]}]`
	if err := os.WriteFile(filepath.Join(dir, "fake.json"), []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	c, errs := Load(os.DirFS(builtinDir), dir)
	refused := 0
	for _, err := range errs {
		var le *LoadError
		if errors.As(err, &le) && le.Entry == "fake-login" && le.Field != "" {
			refused++
		}
	}
	if refused != 2 {
		t.Errorf("want 2 refused domains (login.taobao.com, passport.jd.com), got %d: %v", refused, errs)
	}
	for host, want := range map[string]string{"login.taobao.com": "taobao", "passport.jd.com": "jd", "fake.example.com": "fake-login"} {
		if p, ok := c.MatchHost(host); !ok || p.ID != want {
			t.Errorf("MatchHost(%s) = %s, want %s", host, p.ID, want)
		}
	}
}

// TestBuiltinDomainsDoNotOverlapAcrossCompanies: two built-in platforms may
// nest domains only inside one company (weixin.qq.com in Tencent's qq.com).
func TestBuiltinDomainsDoNotOverlapAcrossCompanies(t *testing.T) {
	_ = builtin(t) // Load reports every overlap as an error
}

func coolingTrack() Track {
	return Track{
		Kind: accounts.TrackAccountDelete, Channel: SelfService, Difficulty: Medium,
		Steps:      []Step{{Text: Text{Zh: "申请注销", En: "Apply"}}},
		CoolingOff: &CoolingOff{Kind: CoolingPeriod, Days: &Days{Min: 15, Max: 30}, CancelledBy: []Canceller{CancelSignIn}},
		Blockers: []Blocker{
			{ID: "ever_had_shop", If: FlagSeller, Permanent: true, When: Text{Zh: "开过店", En: "Ever had a shop"}},
			{ID: "wallet_open", When: Text{Zh: "钱包未关闭", En: "Wallet still open"}, Requires: &TrackRef{Track: accounts.TrackRealNameUnbind}},
		},
		BlockersChecked: true,
	}
}

func TestCoolingOffEndUsesTheLongestPeriod(t *testing.T) {
	start := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	end, ok := coolingTrack().CoolingOffEnd(start)
	if !ok || !end.Equal(start.AddDate(0, 0, 30)) {
		t.Errorf("end %v %v, want 30 days after the start (the longest of 15–30)", end, ok)
	}
	if _, ok := (Track{CoolingOff: &CoolingOff{Kind: CoolingNone}}).CoolingOffEnd(start); ok {
		t.Error("a track without a period has an end")
	}
}

func TestBlockersFollowFlagsTicksAndTracks(t *testing.T) {
	tr := coolingTrack()
	buyer := accounts.Account{PlatformID: "taobao"}
	seller := accounts.Account{PlatformID: "taobao", Seller: true}

	// The seller's permanent blocker cannot be ticked away.
	err := tr.Blocked(seller, []accounts.Track{{Kind: tr.Kind, Done: map[string]time.Time{accounts.BlockerKey("ever_had_shop"): {}}}})
	var be *accounts.BlockedError
	if !errors.As(err, &be) || be.Blocker != "ever_had_shop" || !be.Permanent || !errors.Is(err, accounts.ErrBlocked) {
		t.Fatalf("seller: %v", err)
	}
	// A buyer meets only the wallet blocker, which lifts when the person
	// confirms it, or when the required track is complete.
	if err := tr.Blocked(buyer, nil); !errors.As(err, &be) || be.Blocker != "wallet_open" {
		t.Fatalf("buyer: %v", err)
	}
	ticked := []accounts.Track{{Kind: tr.Kind, Done: map[string]time.Time{accounts.BlockerKey("wallet_open"): {}}}}
	if err := tr.Blocked(buyer, ticked); err != nil {
		t.Errorf("confirmed blocker still blocks: %v", err)
	}
	done := time.Now()
	completed := []accounts.Track{{Kind: accounts.TrackRealNameUnbind, CompletedAt: &done}}
	if err := tr.Blocked(buyer, completed); err != nil {
		t.Errorf("blocker whose track is complete still blocks: %v", err)
	}
	// A track the platform does not offer is always blocked.
	np := Track{Kind: accounts.TrackRealNameUnbind, NotPossible: Text{Zh: "不能解除", En: "Cannot be removed"}}
	if err := np.Blocked(buyer, nil); !errors.As(err, &be) || !be.NotPossible {
		t.Errorf("not possible: %v", err)
	}
}

func TestAppliesFollowsAccountFlags(t *testing.T) {
	shop := Track{Kind: accounts.TrackShopClose, AppliesTo: []Flag{FlagSeller}}
	third := Track{Kind: accounts.TrackThirdPartyUnbind, AppliesTo: []Flag{FlagThirdParty}}
	real := Track{Kind: accounts.TrackRealNameUnbind, AppliesTo: []Flag{FlagRealName}}
	all := Track{Kind: accounts.TrackAccountDelete}
	buyer := accounts.Account{}
	full := accounts.Account{Seller: true, RealName: true, ThirdParty: []accounts.ThirdParty{accounts.ThirdPartyWeChat}}
	for _, tr := range []Track{shop, third, real} {
		if tr.Applies(buyer) || !tr.Applies(full) {
			t.Errorf("%s: applies to buyer %v, to full %v", tr.Kind, tr.Applies(buyer), tr.Applies(full))
		}
	}
	if !all.Applies(buyer) {
		t.Error("a track without applies_to must apply to everyone")
	}
}

// TestCoverageFileIsCurrent keeps assets/catalog/COVERAGE.md in step with
// the data: regenerate it with `unbindctl catalog stats --markdown`.
func TestCoverageFileIsCurrent(t *testing.T) {
	var b strings.Builder
	if err := WriteCoverage(&b, builtin(t)); err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile(filepath.Join(builtinDir, "COVERAGE.md"))
	if err != nil || string(have) != b.String() {
		t.Errorf("COVERAGE.md is stale (%v); run: go run ./cmd/unbindctl catalog stats --markdown > assets/catalog/COVERAGE.md", err)
	}
}

// TestResearchTargets holds the catalog to what the research promised:
// every Chinese platform's deletion track states its cooling-off and its
// blockers, and at most 5 % of tracks stay unverified.
func TestResearchTargets(t *testing.T) {
	c := builtin(t)
	rows, total := Coverage(c)
	if len(rows) < 45 {
		t.Errorf("%d platforms, want at least 45", len(rows))
	}
	if un := total.Tracks - total.Sourced; un*100 > total.Tracks*5 {
		t.Errorf("%d of %d tracks unverified (over 5 %%): research them, or leave out what no source backs", un, total.Tracks)
	}
	for _, p := range c.All() {
		del, ok := p.Track(accounts.TrackAccountDelete)
		if !ok {
			continue
		}
		if del.CoolingOff == nil {
			t.Errorf("%s: account_delete does not state its cooling-off (period, none or not_found)", p.ID)
		}
		if !del.BlockersChecked {
			t.Errorf("%s: account_delete does not say whether it has blockers", p.ID)
		}
	}
}
