package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func keysOf(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

func TestCatalogShowJSON(t *testing.T) {
	out, errs, code := cli(t, t.TempDir(), "", "catalog", "show", "douyin-shop", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var p map[string]any
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if got, want := keysOf(p), []string{"difficulty", "domains", "group", "id", "names", "tracks"}; !slices.Equal(got, want) {
		t.Errorf("platform keys %v, want %v", got, want)
	}
	if p["id"] != "douyin-shop" || p["group"] != "douyin" || p["difficulty"] != "hard" {
		t.Errorf("id/group/difficulty: %v %v %v", p["id"], p["group"], p["difficulty"])
	}
	if names := p["names"].(map[string]any); names["zh"] != "抖音小店" || names["en"] != "Douyin Shop" {
		t.Errorf("names %v", names)
	}
	tracks := p["tracks"].([]any)
	if len(tracks) != 1 {
		t.Fatalf("tracks %v", tracks)
	}
	tr := tracks[0].(map[string]any)
	for _, k := range []string{"channel", "irreversible", "kind", "prerequisites", "review_workdays", "sources", "steps", "verified"} {
		if _, ok := tr[k]; !ok {
			t.Errorf("track lacks %q: keys %v", k, keysOf(tr))
		}
	}
	if rw := tr["review_workdays"].(map[string]any); rw["min"] != 3.0 || rw["max"] != 5.0 {
		t.Errorf("review_workdays %v", rw)
	}
	seed, _ := tr["sources"].([]any)[0].(map[string]any)["seed"].(string)
	if tr["kind"] != "shop_close" || tr["channel"] != "self_service" || tr["irreversible"] != true ||
		seed != "003_ca807dd2a6d0cc39.txt" || tr["source"] != seed || tr["verified"] == "" {
		t.Errorf("track %v", tr)
	}
	step := tr["steps"].([]any)[0].(map[string]any)
	if step["zh"] == "" || step["en"] == "" || step["path"] == nil {
		t.Errorf("step %v", step)
	}
	if pre := tr["prerequisites"].([]any)[0].(map[string]any); pre["id"] != "withdraw_balance" {
		t.Errorf("prerequisite %v", pre)
	}
}

func TestCatalogListAndLanguages(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "zh_CN.UTF-8")
	out, _, code := cli(t, dir, "", "catalog", "list")
	if code != 0 || !strings.Contains(out, "拼多多") || !strings.Contains(out, "名称") {
		t.Errorf("zh list (exit %d):\n%s", code, out)
	}
	t.Setenv("LANG", "en_GB.UTF-8")
	out, _, _ = cli(t, dir, "", "catalog", "list")
	if !strings.Contains(out, "Pinduoduo") || strings.Contains(out, "拼多多") {
		t.Errorf("en list:\n%s", out)
	}
	out, _, _ = cli(t, dir, "", "catalog", "show", "tmall", "--lang", "zh")
	for _, want := range []string{"天猫", "联系客服", "1–3 个工作日", "我的淘宝 → 客服 → 在线客服", "002_29d4585b65b5dc89.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("show tmall --lang zh lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = cli(t, dir, "", "catalog", "show", "--lang", "en", "douyin")
	for _, want := range []string{"Douyin", "account deletion", "First: Douyin Shop / shop closure", "Cooling-off: 7 days", "Blocked when:", "Sources:"} {
		if !strings.Contains(out, want) {
			t.Errorf("show douyin --lang en lacks %q:\n%s", want, out)
		}
	}
	if out, _, _ := cli(t, dir, "", "catalog", "show", "--lang", "en", "dangdang"); !strings.Contains(out, "not verified yet") {
		t.Errorf("an unverified track does not say so:\n%s", out)
	}
	if out, _, code := cli(t, dir, "", "catalog", "validate"); code != 0 || !strings.HasPrefix(out, "ok: ") {
		t.Errorf("validate without a file: exit %d\n%s", code, out)
	}
	if out, _, code := cli(t, dir, "", "catalog", "stats"); code != 0 || !strings.Contains(out, "COOLING-OFF") || !strings.Contains(out, "wechat") {
		t.Errorf("stats: exit %d\n%s", code, out)
	}
	out, _, code = cli(t, dir, "", "catalog", "list", "--json")
	var all []map[string]any
	if err := json.Unmarshal([]byte(out), &all); err != nil || code != 0 || len(all) < 25 {
		t.Errorf("list --json: exit %d, %d platforms, %v", code, len(all), err)
	}
	out, _, _ = cli(t, dir, "", "catalog", "search", "天猫")
	if !strings.Contains(out, "tmall-global") {
		t.Errorf("search 天猫:\n%s", out)
	}
	out, _, code = cli(t, dir, "", "catalog", "match", "https://login.taobao.com/member/login.jhtml")
	if code != 0 || out != "taobao\n" {
		t.Errorf("match: exit %d %q", code, out)
	}
}

func TestCatalogUsageAndFailures(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{}, {"frobnicate"}, {"show"}, {"show", "a", "b"}, {"list", "extra"}, {"list", "--lang", "fr"},
		{"show", "taobao", "--bogus"}, {"validate", "a.json", "b.json"}, {"stats", "--bogus"}, {"import-jdm"}, {"search"}, {"match"},
	} {
		_, errs, code := cli(t, dir, "", append([]string{"catalog"}, args...)...)
		if code != exitUsage || !strings.HasPrefix(errs, "unbindctl: ") {
			t.Errorf("catalog %v: exit %d, stderr %q; want a usage error", args, code, errs)
		}
	}
	for _, args := range [][]string{{"show", "no-such-platform"}, {"match", "example.invalid"}, {"validate", filepath.Join(dir, "missing.json")}} {
		if _, _, code := cli(t, dir, "", append([]string{"catalog"}, args...)...); code != exitFailure {
			t.Errorf("catalog %v: exit %d, want %d", args, code, exitFailure)
		}
	}
	out, _, code := cli(t, dir, "", "catalog", "-h")
	if code != 0 || !strings.Contains(out, "import-jdm") {
		t.Errorf("help: exit %d %q", code, out)
	}
}

func TestCatalogValidate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte(`{"id":"corner","names":{"zh":"街角","en":"Corner"},"domains":["corner.example.com"],
		"difficulty":"easy","tracks":[{"kind":"account_delete","channel":"email","steps":[{"zh":"写信","en":"Write"}],
		"irreversible":true,"difficulty":"easy","source":"user","verified":"2026-01-02"}]}`), 0o600)
	out, errs, code := cli(t, dir, "", "catalog", "validate", good)
	if code != 0 || !strings.Contains(out, "ok: ") {
		t.Errorf("validate good: exit %d\n%s%s", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"id":"corner","names":{"zh":"街角","en":"Corner"},"difficulty":"easy",
		"tracks":[{"kind":"account_delete","channel":"fax","steps":[{"zh":"写信","en":"Write"}],
		"difficulty":"easy","source":"user","verified":"2026-01-02"}]}]`), 0o600)
	out, errs, code = cli(t, dir, "", "catalog", "validate", bad)
	if code != exitFailure || !strings.Contains(out, bad+": entry corner: field tracks[0].channel") {
		t.Errorf("validate bad: exit %d\n%s%s", code, out, errs)
	}
}

func TestCatalogUserFilesAndBrokenOnes(t *testing.T) {
	dir := t.TempDir()
	user := filepath.Join(dir, "catalog")
	os.MkdirAll(user, 0o700)
	os.WriteFile(filepath.Join(user, "broken.json"), []byte(`{"id": "half",`), 0o600)
	os.WriteFile(filepath.Join(user, "pinduoduo.json"), []byte(`{"id":"pinduoduo","names":{"zh":"拼多多（我的版本）","en":"PDD (mine)"},
		"difficulty":"easy","tracks":[{"kind":"account_delete","channel":"self_service","steps":[{"zh":"删","en":"Delete"}],
		"difficulty":"easy","source":"user","verified":"2026-01-02"}]}`), 0o600)
	out, errs, code := cli(t, dir, "", "catalog", "show", "pinduoduo", "--lang", "en")
	if code != 0 || !strings.Contains(out, "PDD (mine)") {
		t.Errorf("override not shown: exit %d\n%s", code, out)
	}
	if !strings.Contains(errs, "warning: catalog: "+filepath.Join(user, "broken.json")) {
		t.Errorf("no warning naming the broken file: %q", errs)
	}
}

func TestCatalogImportJDM(t *testing.T) {
	dir := t.TempDir()
	sites := filepath.Join(dir, "sites.json")
	os.WriteFile(sites, []byte(`[
	 {"name": "Amazon", "url": "https://www.amazon.com/privacy/data-deletion", "difficulty": "medium", "domains": ["amazon.com"]},
	 {"name": "Example", "url": "https://example.com/delete", "difficulty": "easy", "notes": "Go to settings.", "domains": ["example.com"]},
	 {"name": "Example Two", "url": "https://two.example.org/", "difficulty": "hard", "email": "a@two.example.org", "domains": ["two.example.org", "example.com"]},
	 {"name": "No URL", "difficulty": "easy"}
	]`), 0o600)
	for round := 1; round <= 2; round++ { // importing again replaces the earlier import
		out, errs, code := cli(t, dir, "", "catalog", "import-jdm", sites, "--lang", "en")
		if code != 0 || !strings.Contains(out, "added 2 platforms") || !strings.Contains(out, "skipped 2") {
			t.Fatalf("round %d: exit %d\n%s%s", round, code, out, errs)
		}
		for _, want := range []string{"skipped Amazon: domain amazon.com is already covered by amazon", "skipped No URL: field url"} {
			if !strings.Contains(out, want) {
				t.Errorf("round %d: output lacks %q:\n%s", round, want, out)
			}
		}
	}
	target := filepath.Join(dir, "catalog", "jdm.json")
	if _, err := os.Stat(target); err != nil {
		t.Fatal(err)
	}
	out, errs, code := cli(t, dir, "", "catalog", "show", "jdm-example-two", "--json")
	if code != 0 || errs != "" || !strings.Contains(out, `"channel": "email"`) || !strings.Contains(out, `"source": "https://two.example.org/"`) {
		t.Errorf("imported entry: exit %d\n%s%s", code, out, errs)
	}
	if out, _, _ := cli(t, dir, "", "catalog", "validate", target); !strings.HasPrefix(out, "ok: ") {
		t.Errorf("the written file does not validate:\n%s", out)
	}
}
