package importer

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// fakeCatalog stands in for the catalog: registered domains only, so the
// tests also prove that Propose walks up from login.taobao.com.
var fakeCatalog = MatchFunc(func(host string) (string, bool) {
	id, ok := map[string]string{
		"taobao.com":    "taobao",
		"tmall.com":     "tmall",
		"jd.com":        "jd",
		"yangkeduo.com": "pinduoduo",
		"pinduoduo.com": "pinduoduo",
	}[host]
	return id, ok
})

// want is what the preview shows for one proposal.
type want struct {
	platform, name, login string
	password, totp        bool
	line                  int
	dups                  []int
	key                   string
}

func got(p Proposal) want {
	return want{p.PlatformID, p.Name, p.Login, p.HasPassword, p.TOTP, p.Line, p.Duplicates, p.Key}
}

func readSample(t *testing.T, name string, f Format) Result {
	t.Helper()
	fh, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	res, err := Read(fh, Options{Format: f})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

func TestSamples(t *testing.T) {
	tests := []struct {
		file    string
		format  Format
		skipped int
		want    []want
	}{
		{"chrome.csv", FormatChromeCSV, 0, []want{
			{"taobao", "taobao.com", "alice@example.com", true, false, 2, nil, "taobao|alice@example.com"},
			{"jd", "jd.com", "13812345678", true, false, 3, []int{8}, "jd|13812345678"},
			{"taobao", "淘宝", "tb_alice_2019", true, false, 5, nil, "taobao|tb_alice_2019"},
			{"", "github.com", "alice-dev", true, false, 6, nil, "host:github.com|alice-dev"},
			{"pinduoduo", "yangkeduo.com", "+86 138-1234-5678", true, false, 7, nil, "pinduoduo|13812345678"},
			{"", "com.example.notes", "alice", true, false, 9, nil, "app:com.example.notes|alice"},
			{"tmall", "天猫", "Alice@Example.com", true, false, 10, nil, "tmall|alice@example.com"},
		}},
		{"firefox.csv", FormatFirefoxCSV, 1, []want{
			// The newer password (timePasswordChanged) wins.
			{"taobao", "login.taobao.com", "Alice@Example.COM", true, false, 3, []int{2}, "taobao|alice@example.com"},
			{"tmall", "tmall.com", "bob_tm", true, false, 4, nil, "tmall|bob_tm"},
			{"pinduoduo", "mobile.yangkeduo.com", "13812345678", true, false, 5, nil, "pinduoduo|13812345678"},
			{"", "github.com", "alice-dev", true, false, 6, nil, "host:github.com|alice-dev"},
			{"", "192.168.1.1", "admin", true, false, 8, nil, "host:192.168.1.1|admin"},
			{"jd", "passport.jd.com", "", true, false, 9, nil, "jd|"},
		}},
		{"bitwarden.csv", FormatBitwardenCSV, 1, []want{
			{"taobao", "淘宝网", "alice@example.com", true, true, 2, nil, "taobao|alice@example.com"},
			{"jd", "京东", "13812345678", true, false, 4, []int{8}, "jd|13812345678"},
			{"pinduoduo", "拼多多", "+8613812345678", true, false, 5, nil, "pinduoduo|13812345678"},
			{"", "GitHub", "alice-dev", true, false, 6, nil, "host:github.com|alice-dev"},
			{"tmall", "天猫", "bob_tm", true, false, 9, nil, "tmall|bob_tm"},
			{"", "Example, Inc. VPN", "alice", true, false, 10, nil, "host:vpn.example.com|alice"},
		}},
		{"bitwarden.json", FormatBitwardenJSON, 2, []want{
			{"taobao", "淘宝网", "alice@example.com", true, true, 10, nil, "taobao|alice@example.com"},
			// Same phone written differently; the newer revisionDate wins.
			{"jd", "京东", "138 1234 5678", true, false, 91, []int{43}, "jd|13812345678"},
			{"pinduoduo", "拼多多", "13912345678", true, false, 144, nil, "pinduoduo|13912345678"},
			{"", "GitHub", "alice-dev", true, false, 173, nil, "host:github.com|alice-dev"},
			{"", "唯品会", "alice@example.com", false, false, 202, nil, "title:唯品会|alice@example.com"},
		}},
		{"keepassxc.csv", FormatKeePassXCCSV, 1, []want{
			{"taobao", "淘宝网", "alice@example.com", true, false, 2, nil, "taobao|alice@example.com"},
			// Newer "Last Modified" wins; the older one's TOTP still counts.
			{"jd", "京东", "13812345678", true, true, 7, []int{3}, "jd|13812345678"},
			{"pinduoduo", "拼多多", "pdd_user", true, false, 5, nil, "pinduoduo|pdd_user"},
			{"", "GitHub", "alice-dev", true, false, 6, nil, "host:github.com|alice-dev"},
			{"", "WiFi 密码", "", true, false, 8, nil, "title:wifi 密码|"},
			{"", "唯品会", "alice@example.com", false, false, 9, nil, "title:唯品会|alice@example.com"},
		}},
		{"1password.csv", FormatOnePassword, 1, []want{
			{"taobao", "淘宝网", "alice@example.com", true, false, 2, nil, "taobao|alice@example.com"},
			// Both have passwords and no dates: the first in the file stays.
			{"jd", "京东", "13812345678", true, true, 3, []int{8}, "jd|13812345678"},
			{"tmall", "天猫", "alice@example.com", true, false, 5, nil, "tmall|alice@example.com"},
			{"pinduoduo", "拼多多", "13812345678", true, false, 6, nil, "pinduoduo|13812345678"},
			{"", "GitHub", "alice-dev", true, false, 7, nil, "host:github.com|alice-dev"},
		}},
		{"1password7.csv", FormatOnePassword, 1, []want{
			{"taobao", "淘宝网", "alice@example.com", true, false, 2, nil, "taobao|alice@example.com"},
			{"jd", "京东", "13812345678", true, false, 3, nil, "jd|13812345678"},
		}},
		{"apple.csv", FormatAppleCSV, 0, []want{
			{"taobao", "login.taobao.com (alice@example.com)", "alice@example.com", true, false, 2, nil, "taobao|alice@example.com"},
			{"jd", "京东", "13812345678", true, true, 3, []int{8}, "jd|13812345678"},
			{"pinduoduo", "拼多多", "13812345678", true, false, 5, nil, "pinduoduo|13812345678"},
			{"", "github.com (alice-dev)", "alice-dev", true, false, 6, nil, "host:github.com|alice-dev"},
			{"tmall", "天猫", "Alice@example.com", true, false, 7, nil, "tmall|alice@example.com"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			for _, f := range []Format{FormatAuto, tt.format} { // detected and named
				res := readSample(t, tt.file, f)
				if res.Format != tt.format {
					t.Errorf("format %s: read as %s, want %s", f, res.Format, tt.format)
				}
				if res.Skipped != tt.skipped {
					t.Errorf("skipped %d, want %d", res.Skipped, tt.skipped)
				}
				props := Propose(res.Entries, fakeCatalog)
				if len(props) != len(tt.want) {
					t.Errorf("%d proposals, want %d: %v", len(props), len(tt.want), props)
				}
				for i := range min(len(props), len(tt.want)) {
					if g := got(props[i]); !wantEqual(g, tt.want[i]) {
						t.Errorf("proposal %d:\n got %+v\nwant %+v", i, g, tt.want[i])
					}
				}
			}
		})
	}
}

func wantEqual(a, b want) bool {
	return a.platform == b.platform && a.name == b.name && a.login == b.login && a.password == b.password &&
		a.totp == b.totp && a.line == b.line && slices.Equal(a.dups, b.dups) && a.key == b.key
}

// The passwords survive parsing intact (for the keyring) while staying out
// of every printed form.
func TestSamplePasswordsKept(t *testing.T) {
	res := readSample(t, "bitwarden.csv", FormatAuto)
	props := Propose(res.Entries, fakeCatalog)
	if got := props[0].Password.Reveal(); got != "Tb-bw-1" {
		t.Errorf("password %q, want Tb-bw-1", got)
	}
	if res.Entries[0].Notes != "常用账号, 绑定了支付宝\n第二行备注" {
		t.Errorf("notes %q", res.Entries[0].Notes)
	}
	if o := res.Entries[0].OtherURLs; len(o) != 1 || o[0] != "androidapp://com.taobao.taobao" {
		t.Errorf("second URI lost: %+v", res.Entries[0].OtherURLs)
	}
}

func TestGB18030Converted(t *testing.T) {
	res := readSample(t, "chrome-gb18030.csv", FormatAuto)
	if res.Format != FormatChromeCSV || len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "GB18030") {
		t.Fatalf("format %s, notices %q", res.Format, res.Notices)
	}
	want := []want{
		{"taobao", "淘宝网", "alice@example.com", true, false, 2, nil, "taobao|alice@example.com"},
		{"jd", "京东", "13812345678", true, false, 3, nil, "jd|13812345678"},
		{"pinduoduo", "拼多多", "13812345678", true, false, 4, nil, "pinduoduo|13812345678"},
	}
	props := Propose(res.Entries, fakeCatalog)
	for i, p := range props {
		if !wantEqual(got(p), want[i]) {
			t.Errorf("proposal %d: got %+v want %+v", i, got(p), want[i])
		}
	}
	if res.Entries[1].Notes != "地址：北京, 朝阳" {
		t.Errorf("notes %q", res.Entries[1].Notes)
	}
}

func TestImportTwiceSameKeys(t *testing.T) {
	a := Propose(readSample(t, "keepassxc.csv", FormatAuto).Entries, fakeCatalog)
	b := Propose(readSample(t, "keepassxc.csv", FormatAuto).Entries, fakeCatalog)
	for i := range a {
		if a[i].Key != b[i].Key {
			t.Errorf("key %d differs: %q vs %q", i, a[i].Key, b[i].Key)
		}
	}
}
