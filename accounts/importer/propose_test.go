package importer

import (
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

func TestNormaliseLogin(t *testing.T) {
	for in, want := range map[string]string{
		" Alice@Example.COM ": "alice@example.com",
		"+86 138-1234-5678":   "13812345678",
		"0086 13812345678":    "13812345678",
		"(010) 1234-5678":     "01012345678",
		"tb_Alice_2019":       "tb_alice_2019", // user names compare without case
		"1234":                "1234",
		"":                    "",
	} {
		if got := NormaliseLogin(in); got != want {
			t.Errorf("NormaliseLogin(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestProposalAccount(t *testing.T) {
	tests := []struct {
		p     Proposal
		phone string
		email string
	}{
		{Proposal{PlatformID: "jd", Name: "京东", Login: "+86 138-1234-5678"}, "13812345678", ""},
		{Proposal{PlatformID: "taobao", Name: "淘宝网", Login: "Alice@Example.com"}, "", "alice@example.com"},
		{Proposal{PlatformID: "", Name: "github.com", Login: "alice-dev"}, "", ""},
		{Proposal{PlatformID: "tmall", Name: "天猫", Login: "not an @ address"}, "", ""},
	}
	for _, tt := range tests {
		a := tt.p.Account()
		a.Normalise()
		if err := a.Validate(); err != nil {
			t.Errorf("%v: %v", tt.p, err)
		}
		if a.Phone != tt.phone || a.Email != tt.email || a.Login != tt.p.Login || a.Name != tt.p.Name {
			t.Errorf("%v: account %+v", tt.p, a)
		}
		if tt.p.PlatformID == "" && a.PlatformID != accounts.CustomPlatform {
			t.Errorf("platform %q", a.PlatformID)
		}
		if a.Status != accounts.StatusActive || len(a.SecretFields) != 0 {
			t.Errorf("status %s, secrets %v", a.Status, a.SecretFields)
		}
	}
}

// Every sample proposal becomes a valid account.
func TestSampleAccountsValid(t *testing.T) {
	for _, name := range samples {
		for _, p := range Propose(readSample(t, name, FormatAuto).Entries, fakeCatalog) {
			a := p.Account()
			a.Normalise()
			if err := a.Validate(); err != nil {
				t.Errorf("%s line %d: %v", name, p.Line, err)
			}
		}
	}
}

func TestProposeMerging(t *testing.T) {
	entries := []Entry{
		{Line: 2, Title: "", Host: "passport.jd.com", Login: "138 1234 5678"},
		{Line: 3, Title: "京东", Host: "jd.com", Login: "13812345678", Password: "a"},
		{Line: 4, Host: "m.jd.com", Login: "+8613812345678", Password: "b", TOTP: true},
		{Line: 5, Host: "github.com", Login: "x"},
		{Line: 6, Host: "gitlab.com", Login: "x"},
	}
	props := Propose(entries, fakeCatalog)
	if len(props) != 3 {
		t.Fatalf("%d proposals: %v", len(props), props)
	}
	p := props[0]
	// The first with a password wins; the title of another entry is kept
	// when the winner has none; TOTP of any counts.
	if p.Line != 3 || p.Password.Reveal() != "a" || p.Name != "京东" || !p.TOTP || len(p.Duplicates) != 2 ||
		p.Duplicates[0] != 2 || p.Duplicates[1] != 4 || p.Host != "jd.com" {
		t.Errorf("merged %+v", p)
	}
	if props[1].Key == props[2].Key {
		t.Errorf("different hosts collapsed: %q", props[1].Key)
	}
}

func TestProposeNilMatcherAndMultipleURLs(t *testing.T) {
	e := Entry{Line: 2, Title: "淘宝网", URL: "https://example.com", OtherURLs: []string{"https://login.taobao.com"},
		Login: "alice"}
	e.finish()
	if p := Propose([]Entry{e}, nil)[0]; p.PlatformID != "" || p.Key != "host:example.com|alice" {
		t.Errorf("nil matcher: %+v", p)
	}
	if p := Propose([]Entry{e}, fakeCatalog)[0]; p.PlatformID != "taobao" || p.Host != "login.taobao.com" {
		t.Errorf("second URL not matched: %+v", p)
	}
	// The matcher is never asked about a bare TLD.
	asked := map[string]bool{}
	m := MatchFunc(func(h string) (string, bool) { asked[h] = true; return "", false })
	Propose([]Entry{{Host: "a.b.example.com.cn"}}, m)
	if asked["cn"] || !asked["a.b.example.com.cn"] || !asked["com.cn"] {
		t.Errorf("asked %v", asked)
	}
}
