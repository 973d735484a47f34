package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/unbindapp/unbind/accounts"
)

// minimal returns a small valid platform file body for id.
func minimal(id, zh, en string, domains ...string) string {
	ds := `[]`
	if len(domains) > 0 {
		ds = `["` + strings.Join(domains, `","`) + `"]`
	}
	return `{"id":"` + id + `","names":{"zh":"` + zh + `","en":"` + en + `"},"domains":` + ds + `,
	 "difficulty":"easy","tracks":[{"kind":"account_delete","channel":"self_service",
	 "steps":[{"zh":"打开设置","en":"Open settings"}],"irreversible":true,"difficulty":"easy",
	 "source":"user","verified":"2026-01-02"}]}`
}

func TestUserFilesOverrideAndExtend(t *testing.T) {
	dir := t.TempDir()
	// Override taobao with a smaller entry, add a new platform.
	writeFile(t, dir, "taobao.json", minimal("taobao", "我的淘宝", "My Taobao", "taobao.com"))
	writeFile(t, dir, "extra.json", "["+minimal("local-shop", "本地小店", "Local shop", "shop.example.cn")+"]")
	writeFile(t, dir, "notes.txt", "not a catalog file")
	writeFile(t, dir, ".extra.json.123.tmp", "{broken")

	c, errs := Load(os.DirFS(builtinDir), dir)
	for _, err := range errs {
		t.Errorf("unexpected: %v", err)
	}
	tb := mustPlatform(t, c, "taobao")
	if !c.Overrides("taobao") || c.Overrides("jd") || c.Overrides("local-shop") {
		t.Errorf("Overrides: taobao %v, jd %v, local-shop %v", c.Overrides("taobao"), c.Overrides("jd"), c.Overrides("local-shop"))
	}
	if tb.Names.En != "My Taobao" || len(tb.Tracks) != 1 {
		t.Errorf("taobao not overridden: %+v", tb.Names)
	}
	if got := c.Origin("taobao"); got != filepath.Join(dir, "taobao.json") {
		t.Errorf("Origin(taobao) = %q", got)
	}
	if p, ok := c.MatchHost("www.shop.example.cn"); !ok || p.ID != "local-shop" {
		t.Errorf("MatchHost(local) = %v %v", p.ID, ok)
	}
	// The rest of the built-in catalog is still there.
	mustPlatform(t, c, "pinduoduo")
	base := builtin(t)
	if c.Len() != base.Len()+1 {
		t.Errorf("Len = %d, want %d", c.Len(), base.Len()+1)
	}
	// Tmall's group still points at taobao, which exists (overridden).
	if g := c.GroupOf("tmall"); len(g) == 0 || g[0].ID != "taobao" {
		t.Errorf("GroupOf(tmall) lost taobao: %v", g)
	}
}

func TestMissingUserDirIsFine(t *testing.T) {
	_, errs := Load(os.DirFS(builtinDir), filepath.Join(t.TempDir(), "does-not-exist"))
	if len(errs) != 0 {
		t.Errorf("missing user folder gave %v", errs)
	}
}

func TestBrokenUserFiles(t *testing.T) {
	dir := t.TempDir()
	badJSON := writeFile(t, dir, "a-bad.json", `[{"id": "x",`)
	// One entry with a bad field among good ones.
	mixed := writeFile(t, dir, "b-mixed.json", `[`+
		minimal("good-one", "好一", "Good one", "good1.example.com")+`,`+
		strings.Replace(minimal("bad-review", "坏", "Bad", "bad.example.com"),
			`"irreversible":true`, `"review_workdays":{"min":5,"max":2},"irreversible":true`, 1)+`,`+
		strings.Replace(minimal("bad-type", "坏", "Bad", "badtype.example.com"), `"irreversible":true`, `"irreversible":"yes"`, 1)+`,`+
		strings.Replace(minimal("typo", "坏", "Bad"), `"steps"`, `"stpes"`, 1)+`,`+
		minimal("good-two", "好二", "Good two")+`]`)
	notJSON := writeFile(t, dir, "c-text.json", "hello")

	c, errs := Load(os.DirFS(builtinDir), dir)
	les := loadErrors(t, errs)
	find := func(file, entry, field string) *LoadError {
		for _, le := range les {
			if le.File == file && le.Entry == entry && le.Field == field {
				return le
			}
		}
		t.Errorf("no error for %s / %s / %s; got:\n%v", file, entry, field, errs)
		return nil
	}
	if le := find(badJSON, "", ""); le != nil && !strings.Contains(le.Error(), "line 1") {
		t.Errorf("syntax error should give the line: %v", le)
	}
	if le := find(mixed, "bad-review", "tracks[0].review_workdays"); le != nil {
		msg := le.Error()
		for _, want := range []string{mixed, "entry bad-review", "field tracks[0].review_workdays", "min 5"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q lacks %q", msg, want)
			}
		}
		if !errors.Is(le, accounts.ErrInvalid) {
			t.Errorf("validation error should wrap accounts.ErrInvalid")
		}
	}
	find(mixed, "bad-type", "tracks.irreversible")
	find(mixed, "typo", "stpes")
	find(notJSON, "", "")

	for _, id := range []string{"good-one", "good-two", "pinduoduo"} {
		mustPlatform(t, c, id)
	}
	for _, id := range []string{"bad-review", "bad-type", "typo", "x"} {
		if _, ok := c.Platform(id); ok {
			t.Errorf("broken entry %s was loaded", id)
		}
	}
}

func TestDuplicateUserEntriesFirstFileWins(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.json", minimal("dup", "甲", "A"))
	second := writeFile(t, dir, "b.json", minimal("dup", "乙", "B"))
	c, errs := Load(nil, dir)
	les := loadErrors(t, errs)
	if len(les) != 1 || les[0].File != second || les[0].Entry != "dup" || les[0].Field != "id" {
		t.Fatalf("want one duplicate error on %s, got %v", second, errs)
	}
	if p := mustPlatform(t, c, "dup"); p.Names.En != "A" {
		t.Errorf("dup = %s, want the first file's", p.Names.En)
	}
}

func TestBrokenReferencesAreDroppedAndReported(t *testing.T) {
	// A user override of douyin-shop without its shop_close track breaks
	// douyin's requirement; a user platform names a missing group.
	dir := t.TempDir()
	writeFile(t, dir, "douyin-shop.json", strings.Replace(minimal("douyin-shop", "抖店", "Shop", "jinritemai.com"),
		`"difficulty":"easy","tracks"`, `"group":"douyin","difficulty":"easy","tracks"`, 1))
	orphan := writeFile(t, dir, "orphan.json", strings.Replace(minimal("orphan", "孤", "Orphan", "taobao.com"),
		`"difficulty":"easy","tracks"`, `"group":"nowhere","tied_to":["ghost"],"difficulty":"easy","tracks"`, 1))
	c, errs := Load(os.DirFS(builtinDir), dir)
	les := loadErrors(t, errs)
	want := map[string]bool{
		"douyin/requires[0].after": false, // douyin-shop has no shop_close now
		"orphan/group":             false,
		"orphan/tied_to[0]":        false,
		"orphan/domains[0]":        false, // taobao.com belongs to taobao
	}
	for _, le := range les {
		key := le.Entry + "/" + le.Field
		if _, ok := want[key]; ok {
			want[key] = true
		}
		if le.Entry == "orphan" && le.File != orphan {
			t.Errorf("orphan error names %s", le.File)
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("no error for %s; got %v", k, errs)
		}
	}
	o := mustPlatform(t, c, "orphan")
	if o.Group != "" || len(o.TiedTo) != 0 || len(o.Domains) != 0 {
		t.Errorf("broken references kept: %+v", o)
	}
	if p, _ := c.MatchHost("taobao.com"); p.ID != "taobao" {
		t.Errorf("taobao.com now matches %s", p.ID)
	}
	if reqs := c.RequiredBefore("douyin", accounts.TrackAccountDelete); len(reqs) != 1 {
		t.Errorf("douyin keeps %d requirements, want only the valid one", len(reqs))
	}
}

func TestBuiltinDuplicateAcrossFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"catalog/a.json": {Data: []byte(minimal("same", "一", "One"))},
		"catalog/b.json": {Data: []byte(minimal("same", "二", "Two"))},
	}
	c, errs := Load(fsys, "")
	if les := loadErrors(t, errs); len(les) != 1 || les[0].File != "catalog/b.json" {
		t.Errorf("want one error on catalog/b.json, got %v", errs)
	}
	if p := mustPlatform(t, c, "same"); p.Names.En != "One" {
		t.Errorf("got %s", p.Names.En)
	}
}

func TestNewFromMemory(t *testing.T) {
	p := Custom(Text{En: "Corner Shop"}, []string{"https://corner.example.com/login"}, fixedNow)
	c, errs := New([]Platform{p})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if got, ok := c.MatchHost("corner.example.com"); !ok || got.ID != "user-corner-shop" {
		t.Errorf("MatchHost = %v %v", got.ID, ok)
	}
	bad := p
	bad.ID = "Bad ID"
	if _, errs := New([]Platform{bad}); len(errs) == 0 {
		t.Error("New accepted an invalid ID")
	}
}

func TestCheckFile(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.json", "["+minimal("mine", "我的", "Mine", "mine.example.com")+","+
		minimal("taobao", "淘宝", "Taobao", "taobao.com")+"]")
	ps, errs := CheckFile(os.DirFS(builtinDir), good)
	if len(errs) != 0 || len(ps) != 2 {
		t.Errorf("good file: %d platforms, errors %v", len(ps), errs)
	}
	// Overriding douyin-shop without a shop_close track breaks douyin's
	// requirement: that counts against this file too.
	bad := writeFile(t, dir, "bad.json", "["+minimal("douyin-shop", "抖店", "Shop", "jinritemai.com")+
		`,{"id":"broken"}]`)
	ps, errs = CheckFile(os.DirFS(builtinDir), bad)
	if len(ps) != 1 {
		t.Errorf("bad file: %d valid platforms, want 1", len(ps))
	}
	var entries []string
	for _, le := range loadErrors(t, errs) {
		entries = append(entries, le.Entry)
	}
	if !slices.Contains(entries, "douyin") || !slices.Contains(entries, "broken") {
		t.Errorf("errors name %v, want douyin and broken", entries)
	}
	if _, errs := CheckFile(nil, filepath.Join(dir, "missing.json")); len(errs) != 1 {
		t.Errorf("missing file: %v", errs)
	}
}
