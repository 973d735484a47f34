package catalog

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

func importSample(t *testing.T) ([]Platform, []*LoadError) {
	t.Helper()
	old := jdmNow
	jdmNow = func() time.Time { return fixedNow }
	t.Cleanup(func() { jdmNow = old })
	f, err := os.Open("testdata/jdm_sites.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, errs := ImportJDM(f)
	return ps, loadErrors(t, errs)
}

func TestImportJDM(t *testing.T) {
	ps, errs := importSample(t)
	got := map[string]Platform{}
	for _, p := range ps {
		if err := p.Validate(); err != nil {
			t.Errorf("%s invalid: %v", p.ID, err)
		}
		if !strings.HasPrefix(p.ID, JDMPrefix) {
			t.Errorf("%s lacks the jdm- prefix", p.ID)
		}
		got[p.ID] = p
	}
	if len(ps) != 3 {
		t.Errorf("imported %v, want 3", ids(ps))
	}

	mail := got["jdm-example-mail"]
	tr, ok := mail.Track(accounts.TrackAccountDelete)
	if !ok || len(mail.Tracks) != 1 {
		t.Fatalf("example mail tracks: %+v", mail.Tracks)
	}
	if len(tr.Sources) != 1 || tr.Sources[0].URL != "https://mail.example.com/settings/delete" || tr.Verified != "2026-03-04" {
		t.Errorf("sources %+v verified %q", tr.Sources, tr.Verified)
	}
	if tr.Channel != SelfService || tr.Difficulty != Easy || mail.Difficulty != Easy {
		t.Errorf("channel %s difficulty %s", tr.Channel, tr.Difficulty)
	}
	if want := []string{"mail.example.com", "example.com", "www.example.com"}; strings.Join(mail.Domains, ",") != strings.Join(want, ",") {
		t.Errorf("domains %v, want %v (normalised, de-duplicated)", mail.Domains, want)
	}
	wantContains(t, "example mail steps", allText(tr), "设置 → 删除账号 → 确认。", "Settings, then Delete account")

	forum := got["jdm-hard-forum"]
	ftr, _ := forum.Track(accounts.TrackAccountDelete)
	if ftr.Channel != Email || ftr.Difficulty != Hard {
		t.Errorf("hard forum: channel %s difficulty %s", ftr.Channel, ftr.Difficulty)
	}
	wantContains(t, "hard forum steps", allText(ftr), "privacy@forum.example.org", "Account deletion", "Please delete my account")

	// A name in another script takes its ID from the domain.
	ru, ok := got["jdm-passport-example-ru"]
	if !ok {
		t.Errorf("Cyrillic name not imported by domain: %v", ids(ps))
	} else if ru.Names.En != "Яндекс Тест" || ru.Difficulty != Limited {
		t.Errorf("ru = %+v", ru)
	}

	// Each skipped site says which and why.
	want := map[string]string{
		"No Difficulty": "difficulty",
		"Bad Url":       "url",
		"#6":            "name",
		"Typed Wrong":   "domains",
		"example mail":  "name", // same ID as "Example Mail"
		"中文网站":          "name", // no Latin letters and no domain
	}
	for _, le := range errs {
		if field, ok := want[le.Entry]; ok && le.Field == field {
			delete(want, le.Entry)
		} else {
			t.Errorf("unexpected error %v (entry %q field %q)", le, le.Entry, le.Field)
		}
	}
	for entry, field := range want {
		t.Errorf("no error for %s (%s)", entry, field)
	}
}

func TestImportJDMBrokenInput(t *testing.T) {
	for name, data := range map[string]string{
		"not json":   "<html>",
		"object":     `{"name":"x"}`,
		"truncated":  `[{"name":"x",`,
		"empty file": ``,
	} {
		ps, errs := ImportJDM(strings.NewReader(data))
		if len(ps) != 0 || len(errs) != 1 {
			t.Errorf("%s: %d platforms, errors %v", name, len(ps), errs)
		}
	}
	ps, errs := ImportJDM(strings.NewReader(`[]`))
	if len(ps) != 0 || len(errs) != 0 {
		t.Errorf("empty list: %v %v", ps, errs)
	}
}

func TestImportedFileLoads(t *testing.T) {
	ps, _ := importSample(t)
	dir := t.TempDir()
	if err := WriteFile(UserDir(dir)+"/jdm.json", ps); err != nil {
		t.Fatal(err)
	}
	c, errs := Load(os.DirFS(builtinDir), UserDir(dir))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if p, ok := c.MatchHost("forum.example.org"); !ok || p.ID != "jdm-hard-forum" {
		t.Errorf("MatchHost after import: %v %v", p.ID, ok)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Best Buy!":    "best-buy",
		"/e/":          "e",
		"1Password":    "1password",
		"  A -- B  ":   "a-b",
		"中文":           "",
		"Ünïcode Café": "n-code-caf",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMergeImport(t *testing.T) {
	c := builtin(t)
	target := "/data/catalog/jdm.json"
	sites := []Platform{
		Custom(Text{En: "Amazon"}, []string{"amazon.com"}, fixedNow),        // domain of a built-in
		Custom(Text{En: "AWS"}, []string{"aws.amazon.com"}, fixedNow),       // a subdomain is a different site
		Custom(Text{En: "First"}, []string{"shared.example.com"}, fixedNow), // kept
		Custom(Text{En: "Second"}, []string{"shared.example.com", "second.example.com"}, fixedNow),
	}
	sites[0].ID = "jdm-amazon"
	kept, notes := MergeImport(c, sites, target)
	if got := ids(kept); strings.Join(got, ",") != "user-aws,user-first,user-second" {
		t.Errorf("kept %v", got)
	}
	if len(kept) == 3 && strings.Join(kept[2].Domains, ",") != "second.example.com" {
		t.Errorf("shared domain not left out: %v", kept[2].Domains)
	}
	if len(notes) != 2 || !notes[0].Skipped || notes[0].Site != "Amazon" || notes[1].Skipped {
		t.Errorf("notes %+v", notes)
	}
	// Entries from an earlier import into the same file do not count.
	c2, errs := New(kept)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if again, notes := MergeImport(c2, kept, c2.Origin("user-aws")); len(again) != 3 || len(notes) != 0 {
		t.Errorf("re-import: kept %v, notes %+v", ids(again), notes)
	}
}

func TestLabels(t *testing.T) {
	if got := KindLabel(accounts.TrackShopClose).In("zh"); got != "关闭店铺" {
		t.Errorf("KindLabel = %q", got)
	}
	if got := KindLabel("teleport").In("en"); got != "teleport" {
		t.Errorf("unknown kind label = %q", got)
	}
	for _, k := range accounts.TrackKinds {
		if l := KindLabel(k); l.Zh == string(k) || l.En == string(k) {
			t.Errorf("kind %s has no label", k)
		}
	}
	for _, ch := range Channels {
		if l := ch.Label(); l.Zh == string(ch) {
			t.Errorf("channel %s has no label", ch)
		}
	}
	for _, d := range Difficulties {
		if l := d.Label(); l.Zh == string(d) {
			t.Errorf("difficulty %s has no label", d)
		}
	}
	for _, tc := range []struct {
		w    *Workdays
		want string
	}{{nil, "unknown"}, {&Workdays{0, 0}, "immediate"}, {&Workdays{2, 2}, "2 working days"}, {&Workdays{3, 5}, "3–5 working days"}} {
		if got := ReviewLabel(tc.w).In("en"); got != tc.want {
			t.Errorf("ReviewLabel(%+v) = %q, want %q", tc.w, got, tc.want)
		}
	}
}
