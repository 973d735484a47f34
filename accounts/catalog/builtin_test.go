package catalog

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

func TestBuiltinLoadsWithoutErrors(t *testing.T) {
	c := builtin(t)
	if c.Len() < 25 {
		t.Errorf("built-in catalog has %d platforms, want at least 25", c.Len())
	}
	for _, id := range []string{
		"pinduoduo", "taobao", "tmall", "tmall-global", "jd", "douyin-shop", "douyin", "xianyu",
		"alipay", "meituan", "wechat", "qq", "suning", "kuaishou", "kuaishou-shop",
		"xiaohongshu", "dangdang", "amazon", "ebay", "aliexpress", "temu", "shein", "1688",
		"eleme", "weibo", "jd-finance",
	} {
		if _, ok := c.Platform(id); !ok {
			t.Errorf("platform %s missing", id)
		}
	}
}

// TestBuiltinEntriesValid re-checks each built-in entry rule by rule, so a
// weakened validator cannot let bad data through unnoticed.
func TestBuiltinEntriesValid(t *testing.T) {
	c := builtin(t)
	id := regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	host := regexp.MustCompile(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$`)
	seen := map[string]bool{}
	domains := map[string]string{}
	companies := map[string]Text{}
	for _, p := range c.All() {
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
		if !id.MatchString(p.ID) || seen[p.ID] || p.ID == accounts.CustomPlatform {
			t.Errorf("%s: bad or duplicate ID", p.ID)
		}
		seen[p.ID] = true
		if p.Names.Zh == "" || p.Names.En == "" {
			t.Errorf("%s: names need both languages: %+v", p.ID, p.Names)
		}
		// App-only platforms (Hema) or ones living inside another's site
		// (WeChat's shop) may list none; then their notes must say why.
		if len(p.Domains) == 0 && p.Notes.IsZero() {
			t.Errorf("%s: no domains and no notes saying why", p.ID)
		}
		for _, d := range p.Domains {
			if !host.MatchString(d) {
				t.Errorf("%s: domain %q is not a lower-case host name", p.ID, d)
			}
			if other, dup := domains[d]; dup {
				t.Errorf("%s: domain %s also on %s", p.ID, d, other)
			}
			domains[d] = p.ID
		}
		if p.Company.ID == "" || p.Company.Name.Zh == "" || p.Company.Name.En == "" {
			t.Errorf("%s: company needs an ID and names in both languages", p.ID)
		} else if name, ok := companies[p.Company.ID]; ok && name != p.Company.Name {
			t.Errorf("%s: company %s named %+v here but %+v elsewhere", p.ID, p.Company.ID, p.Company.Name, name)
		}
		companies[p.Company.ID] = p.Company.Name
		if !p.Difficulty.Valid() {
			t.Errorf("%s: difficulty %q", p.ID, p.Difficulty)
		}
		if len(p.Tracks) == 0 {
			t.Errorf("%s: no tracks", p.ID)
		}
		for _, tr := range p.Tracks {
			checkTrack(t, p.ID, tr)
		}
	}
}

const seedDir = "../../../shared/seeds"

func checkTrack(t *testing.T, id string, tr Track) {
	t.Helper()
	where := id + "/" + string(tr.Kind)
	if k, err := accounts.ParseTrackKind(string(tr.Kind)); err != nil || k != tr.Kind {
		t.Errorf("%s: unknown track kind", where)
	}
	if !tr.Channel.Valid() || !tr.Difficulty.Valid() {
		t.Errorf("%s: channel %q or difficulty %q unknown", where, tr.Channel, tr.Difficulty)
	}
	if len(tr.Steps) == 0 {
		t.Errorf("%s: no steps", where)
	}
	for i, s := range tr.Steps {
		if s.Zh == "" || s.En == "" || (s.Path.Zh == "") != (s.Path.En == "") {
			t.Errorf("%s: step %d lacks a language", where, i)
		}
	}
	for _, p := range tr.Prerequisites {
		if p.ID == "" || p.Zh == "" || p.En == "" {
			t.Errorf("%s: prerequisite %q lacks ID or a language", where, p.ID)
		}
	}
	if w := tr.ReviewWorkdays; w != nil && (w.Min < 0 || w.Min > w.Max) {
		t.Errorf("%s: review window %d–%d", where, w.Min, w.Max)
	}
	if len(tr.Sources) == 0 && tr.Source != SourceUnverified {
		t.Errorf("%s: no source and not marked unverified", where)
	}
	for _, src := range tr.Sources {
		if src.Seed == "" {
			continue
		}
		// The seeds live beside the repository; check the name when they are there.
		if _, err := os.Stat(seedDir); err == nil {
			if _, err := os.Stat(filepath.Join(seedDir, src.Seed)); err != nil {
				t.Errorf("%s: source: %v", where, err)
			}
		}
		if !regexp.MustCompile(`^00[0-4]_[0-9a-f]{16}\.txt$`).MatchString(src.Seed) {
			t.Errorf("%s: source %q is not one of the seed files", where, src.Seed)
		}
		if src.Title == src.Seed {
			t.Errorf("%s: seed %s needs its headline as title, not its file name", where, src.Seed)
		}
	}
	if d, err := time.Parse(DateLayout, tr.Verified); err != nil || d.Year() < 2024 {
		t.Errorf("%s: verified %q", where, tr.Verified)
	}
}

// TestBuiltinFilesOnePlatformEach keeps the data easy to review: one
// platform per file, named after its ID, each under 32 KB.
func TestBuiltinFilesOnePlatformEach(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(builtinDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no built-in files: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) > 32<<10 {
			t.Errorf("%s is %d bytes; split it", f, len(data))
		}
		var head struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(data, &head); err != nil {
			t.Errorf("%s: want one platform object: %v", f, err)
			continue
		}
		if want := strings.TrimSuffix(filepath.Base(f), ".json"); head.ID != want {
			t.Errorf("%s holds %q; name the file after the ID", f, head.ID)
		}
	}
}

// TestBuiltinSources: every seed is cited, no built-in track is the
// person's own, and no track both cites sources and says unverified.
func TestBuiltinSources(t *testing.T) {
	c := builtin(t)
	seeds := map[string]int{}
	for _, p := range c.All() {
		for _, tr := range p.Tracks {
			if tr.Source == SourceUser {
				t.Errorf("%s/%s: built-in data cannot be %q", p.ID, tr.Kind, SourceUser)
			}
			for _, src := range tr.Sources {
				seeds[src.Seed]++
			}
		}
	}
	for _, seed := range []string{"000_086f2a76b47d2aa8.txt", "001_d480b8346dced8a2.txt", "002_29d4585b65b5dc89.txt",
		"003_ca807dd2a6d0cc39.txt", "004_5d55c985feee7637.txt"} {
		if seeds[seed] == 0 {
			t.Errorf("no track cites seed %s", seed)
		}
	}
}

func TestBuiltinReferencesAndOrder(t *testing.T) {
	c := builtin(t)
	for _, p := range c.All() {
		for _, r := range p.Requires {
			other := p.ID
			if r.Platform != "" {
				other = r.Platform
			}
			if _, ok := mustPlatform(t, c, other).Track(r.After); !ok {
				t.Errorf("%s requires %s/%s, which does not exist", p.ID, other, r.After)
			}
		}
		// Each track list follows accounts.TrackKinds: detach first, delete last.
		idx := func(k accounts.TrackKind) int { return slices.Index(accounts.TrackKinds, k) }
		if !slices.IsSortedFunc(p.Tracks, func(a, b Track) int { return idx(a.Kind) - idx(b.Kind) }) {
			t.Errorf("%s: tracks not in accounts.TrackKinds order: %v", p.ID, p.Kinds())
		}
	}
}
