package catalog

import (
	"errors"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

func validPlatform() Platform {
	return Platform{
		ID:         "sample",
		Names:      Text{Zh: "样例", En: "Sample"},
		Domains:    []string{"sample.example.com"},
		Company:    Company{ID: "acme", Name: Text{Zh: "艾克米", En: "Acme"}},
		Difficulty: Medium,
		Tracks: []Track{
			{
				Kind: accounts.TrackPhoneUnbind, Channel: SelfService,
				Steps:      []Step{{Text: Text{Zh: "换号", En: "Change number"}}},
				Difficulty: Easy, Verified: "2026-01-01",
				Sources: []Source{{URL: "https://help.example.com/phone", Title: "Help: phone", Retrieved: "2026-01-01"}},
			},
			{
				Kind: accounts.TrackAccountDelete, Channel: CustomerService, AltChannels: []Channel{Email},
				Steps:          []Step{{Text: Text{Zh: "联系客服", En: "Ask support"}, Path: Text{Zh: "我 → 客服", En: "Me → Support"}}},
				Prerequisites:  []Prerequisite{{ID: BackupOrders, Text: Text{Zh: "备份", En: "Back up"}}},
				ReviewWorkdays: &Workdays{Min: 1, Max: 3}, Irreversible: true,
				Difficulty: Hard, Verified: "2026-01-01",
				Sources: []Source{{Seed: "001_d480b8346dced8a2.txt", Title: "拼多多怎样注销账户解绑手机号", Retrieved: "2026-01-01"}},
			},
		},
		Requires: []Requirement{{Track: accounts.TrackAccountDelete, After: accounts.TrackPhoneUnbind,
			Why: Text{Zh: "先换号", En: "Change the number first"}}},
	}
}

func TestValidateRules(t *testing.T) {
	if err := validPlatform().Validate(); err != nil {
		t.Fatalf("sample invalid: %v", err)
	}
	cases := []struct {
		field string
		edit  func(p *Platform)
	}{
		{"id", func(p *Platform) { p.ID = "Sample" }},
		{"id", func(p *Platform) { p.ID = "-sample" }},
		{"id", func(p *Platform) { p.ID = "custom" }},
		{"names.en", func(p *Platform) { p.Names.En = "" }},
		{"names.zh", func(p *Platform) { p.Names.Zh = " " }},
		{"domains[0]", func(p *Platform) { p.Domains = []string{"https://sample.example.com"} }},
		{"domains[0]", func(p *Platform) { p.Domains = []string{"Sample.example.com"} }},
		{"domains[0]", func(p *Platform) { p.Domains = []string{"localhost"} }},
		{"domains[0]", func(p *Platform) { p.Domains = []string{"10.0.0.1"} }},
		{"domains[0]", func(p *Platform) { p.Domains = []string{"sample.example.com:8080"} }},
		{"domains[1]", func(p *Platform) { p.Domains = []string{"a.example.com", "a.example.com"} }},
		{"company.name.en", func(p *Platform) { p.Company.Name.En = "" }},
		{"group", func(p *Platform) { p.Group = "Bad Group" }},
		{"tied_to[0]", func(p *Platform) { p.TiedTo = []string{"sample"} }},
		{"difficulty", func(p *Platform) { p.Difficulty = "trivial" }},
		{"tracks", func(p *Platform) { p.Tracks = nil; p.Requires = nil }},
		{"tracks[1].kind", func(p *Platform) { p.Tracks[1].Kind = accounts.TrackPhoneUnbind }},
		{"tracks[0].kind", func(p *Platform) { p.Tracks[0].Kind = "phone-unbind" }},
		{"tracks[0].kind", func(p *Platform) { p.Tracks[0].Kind = "teleport" }},
		{"tracks[0].channel", func(p *Platform) { p.Tracks[0].Channel = "carrier_pigeon" }},
		{"tracks[1].alt_channels[0]", func(p *Platform) { p.Tracks[1].AltChannels = []Channel{CustomerService} }},
		{"tracks[0].steps", func(p *Platform) { p.Tracks[0].Steps = nil }},
		{"tracks[0].steps[0].en", func(p *Platform) { p.Tracks[0].Steps[0].En = "" }},
		{"tracks[1].steps[0].path.zh", func(p *Platform) { p.Tracks[1].Steps[0].Path.Zh = "" }},
		{"tracks[1].prerequisites[0].id", func(p *Platform) { p.Tracks[1].Prerequisites[0].ID = "Backup Orders" }},
		{"tracks[1].prerequisites[0].zh", func(p *Platform) { p.Tracks[1].Prerequisites[0].Zh = "" }},
		{"tracks[1].review_workdays", func(p *Platform) { p.Tracks[1].ReviewWorkdays = &Workdays{Min: 4, Max: 2} }},
		{"tracks[1].review_workdays", func(p *Platform) { p.Tracks[1].ReviewWorkdays = &Workdays{Min: -1, Max: 2} }},
		{"tracks[1].loses.en", func(p *Platform) { p.Tracks[1].Loses = Text{Zh: "全部"} }},
		{"tracks[1].afterwards.zh", func(p *Platform) { p.Tracks[1].Afterwards = Text{En: "gone"} }},
		{"tracks[1].difficulty", func(p *Platform) { p.Tracks[1].Difficulty = "" }},
		{"tracks[1].sources", func(p *Platform) { p.Tracks[1].Sources = nil }},
		{"tracks[1].source", func(p *Platform) { p.Tracks[1].Source = "a blog" }},
		{"tracks[1].source", func(p *Platform) { p.Tracks[1].Source = SourceUnverified }},
		{"tracks[0].sources[0].url", func(p *Platform) { p.Tracks[0].Sources[0].URL = "ftp://example.com/x" }},
		{"tracks[0].sources[0].url", func(p *Platform) { p.Tracks[0].Sources[0].URL = "https://exa mple.com" }},
		{"tracks[0].sources[0].title", func(p *Platform) { p.Tracks[0].Sources[0].Title = " " }},
		{"tracks[0].sources[0].retrieved", func(p *Platform) { p.Tracks[0].Sources[0].Retrieved = "2026-02-30" }},
		{"tracks[0].sources[0].retrieved", func(p *Platform) { p.Tracks[0].Sources[0].Retrieved = "2999-01-01" }},
		{"tracks[1].sources[0].seed", func(p *Platform) { p.Tracks[1].Sources[0].Seed = "../../etc/passwd" }},
		{"tracks[0].sources[0]", func(p *Platform) { p.Tracks[0].Sources[0].URL = "" }},
		{"tracks[0].applies_to[0]", func(p *Platform) { p.Tracks[0].AppliesTo = []Flag{"vip"} }},
		{"tracks[1].cooling_off.kind", func(p *Platform) { p.Tracks[1].CoolingOff = &CoolingOff{Kind: "maybe"} }},
		{"tracks[1].cooling_off.days", func(p *Platform) { p.Tracks[1].CoolingOff = &CoolingOff{Kind: CoolingPeriod} }},
		{"tracks[1].cooling_off.days", func(p *Platform) {
			p.Tracks[1].CoolingOff = &CoolingOff{Kind: CoolingPeriod, Days: &Days{Min: 30, Max: 15}}
		}},
		{"tracks[1].cooling_off.days", func(p *Platform) {
			p.Tracks[1].CoolingOff = &CoolingOff{Kind: CoolingPeriod, Days: &Days{Min: 1, Max: 9999}}
		}},
		{"tracks[1].cooling_off.days", func(p *Platform) {
			p.Tracks[1].CoolingOff = &CoolingOff{Kind: CoolingNone, Days: &Days{Min: 1, Max: 1}}
		}},
		{"tracks[1].cooling_off.cancelled_by[0]", func(p *Platform) {
			p.Tracks[1].CoolingOff = &CoolingOff{Kind: CoolingPeriod, Days: &Days{Min: 15, Max: 15}, CancelledBy: []Canceller{"sneezing"}}
		}},
		{"tracks[1].blockers[0].id", func(p *Platform) {
			p.Tracks[1].Blockers, p.Tracks[1].BlockersChecked = []Blocker{{ID: "Bad ID", When: Text{Zh: "开过店", En: "Had a shop"}}}, true
		}},
		{"tracks[1].blockers[0].when.en", func(p *Platform) {
			p.Tracks[1].Blockers, p.Tracks[1].BlockersChecked = []Blocker{{ID: "shop", When: Text{Zh: "开过店"}}}, true
		}},
		{"tracks[1].blockers[0].if", func(p *Platform) {
			p.Tracks[1].Blockers, p.Tracks[1].BlockersChecked = []Blocker{{ID: "shop", If: "rich", When: Text{Zh: "开过店", En: "Had a shop"}}}, true
		}},
		{"tracks[1].blockers[0].requires.track", func(p *Platform) {
			p.Tracks[1].Blockers = []Blocker{{ID: "shop", When: Text{Zh: "开过店", En: "Had a shop"}, Requires: &TrackRef{Track: accounts.TrackShopClose}}}
			p.Tracks[1].BlockersChecked = true
		}},
		{"tracks[1].blockers_checked", func(p *Platform) {
			p.Tracks[1].Blockers = []Blocker{{ID: "shop", When: Text{Zh: "开过店", En: "Had a shop"}}}
		}},
		{"tracks[1].disagreements[0].claims[1].url", func(p *Platform) {
			p.Tracks[1].Disagreements = []Disagreement{{About: "cooling_off", Claims: []Claim{
				{Says: Text{Zh: "15 天", En: "15 days"}, URL: "001_d480b8346dced8a2.txt"},
				{Says: Text{Zh: "30 天", En: "30 days"}, URL: "https://elsewhere.example.com/"}}}}
		}},
		{"tracks[1].disagreements[0].claims", func(p *Platform) {
			p.Tracks[1].Disagreements = []Disagreement{{About: "cooling_off", Claims: []Claim{
				{Says: Text{Zh: "15 天", En: "15 days"}, URL: "001_d480b8346dced8a2.txt"}}}}
		}},
		{"tracks[1].after.reregister_after_days", func(p *Platform) { d := -1; p.Tracks[1].After = &After{ReregisterAfterDays: &d} }},
		{"main_track", func(p *Platform) { p.MainTrack = accounts.TrackShopClose }},
		{"tracks[1].verified", func(p *Platform) { p.Tracks[1].Verified = "21.11.2026" }},
		{"tracks[1].verified", func(p *Platform) { p.Tracks[1].Verified = "" }},
		{"requires[0].track", func(p *Platform) { p.Requires[0].Track = accounts.TrackShopClose }},
		{"requires[0].after", func(p *Platform) { p.Requires[0].After = accounts.TrackAccountDelete }},
		{"requires[0].after", func(p *Platform) { p.Requires[0].Platform = "other"; p.Requires[0].After = "nope" }},
		{"requires[0].platform", func(p *Platform) { p.Requires[0].Platform = "Other!" }},
		{"requires[0].why.en", func(p *Platform) { p.Requires[0].Why.En = "" }},
	}
	for _, tc := range cases {
		p := validPlatform()
		// Deep enough copies for the edits above.
		p.Tracks = append([]Track(nil), p.Tracks...)
		for i := range p.Tracks {
			p.Tracks[i].Sources = append([]Source(nil), p.Tracks[i].Sources...)
		}
		p.Requires = append([]Requirement(nil), p.Requires...)
		tc.edit(&p)
		err := p.Validate()
		if err == nil {
			t.Errorf("%s: edit accepted", tc.field)
			continue
		}
		if !errors.Is(err, accounts.ErrInvalid) {
			t.Errorf("%s: error does not wrap ErrInvalid: %v", tc.field, err)
		}
		var fields []string
		for _, v := range p.problems() {
			fields = append(fields, v.Field)
		}
		if !strings.Contains(","+strings.Join(fields, ",")+",", ","+tc.field+",") {
			t.Errorf("%s: problems name %v", tc.field, fields)
		}
	}
}

func TestSourceURLs(t *testing.T) {
	for _, s := range []string{"https://example.com/help", "http://example.com", "https://help.jd.com/user/issue/1.html?x=1"} {
		if !validURL(s) {
			t.Errorf("%q refused", s)
		}
	}
	for _, s := range []string{"", "unverified", "003_ca807dd2a6d0cc39.txt", "https://", "https://exa mple.com", "example.com",
		"ftp://example.com", "javascript:alert(1)", "https://1.2.3.4/x", "https://example.com/\"><script>"} {
		if validURL(s) {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestParseShapes(t *testing.T) {
	one := minimal("one", "一", "One")
	for name, tc := range map[string]struct {
		data    string
		n, errs int
	}{
		"object":       {one, 1, 0},
		"array":        {"[" + one + "," + minimal("two", "二", "Two") + "]", 2, 0},
		"bom":          {"\ufeff" + one, 1, 0},
		"empty array":  {"[]", 0, 0},
		"empty":        {"  \n", 0, 1},
		"string":       {`"taobao"`, 0, 1},
		"trailing":     {one + "{}", 0, 1},
		"null entry":   {"[null," + one + "]", 1, 1},
		"number entry": {"[1," + one + "]", 1, 1},
		"duplicate":    {"[" + one + "," + one + "]", 1, 1},
	} {
		ps, errs := Parse("f.json", []byte(tc.data))
		if len(ps) != tc.n || (len(errs) == 0) != (tc.errs == 0) {
			t.Errorf("%s: %d platforms, errors %v; want %d and %d errors", name, len(ps), errs, tc.n, tc.errs)
		}
		for _, le := range loadErrors(t, errs) {
			if le.File != "f.json" || !strings.HasPrefix(le.Error(), "catalog: f.json") {
				t.Errorf("%s: error %q does not name the file", name, le.Error())
			}
		}
	}
}

func TestParseNamesEntryWithoutID(t *testing.T) {
	_, errs := Parse("f.json", []byte(`[{"names":{"zh":"无","en":"None"}}]`))
	les := loadErrors(t, errs)
	if len(les) == 0 || les[0].Entry != "#1" {
		t.Fatalf("want errors naming entry #1, got %v", errs)
	}
}
