package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

var fixedNow = time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)

func TestCustomSaveAndLoad(t *testing.T) {
	data := t.TempDir()
	p := Custom(Text{Zh: "街角小店"}, []string{"Shop.Example.CN"}, fixedNow)
	if p.Names.En != "街角小店" || p.ID != "user-shop-example-cn" {
		t.Errorf("Custom = %s %+v", p.ID, p.Names)
	}
	if tr, ok := p.Track(accounts.TrackAccountDelete); !ok || tr.Source != SourceUser || tr.Verified != "2026-03-04" {
		t.Errorf("Custom track = %+v", tr)
	}
	file, err := SaveUser(data, p)
	if err != nil {
		t.Fatal(err)
	}
	if file != filepath.Join(UserDir(data), p.ID+".json") {
		t.Errorf("saved to %s", file)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm()&0o077 != 0 {
		t.Errorf("saved file mode: %v %v", st.Mode(), err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(UserDir(data), ".*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	c, errs := Load(nil, UserDir(data))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if got, ok := c.MatchHost("shop.example.cn"); !ok || got.ID != p.ID {
		t.Errorf("reloaded: %v %v", got.ID, ok)
	}
	// Saving again replaces the file.
	p.Names.En = "Corner Shop"
	if _, err := SaveUser(data, p); err != nil {
		t.Fatal(err)
	}
	c, _ = Load(nil, UserDir(data))
	if got := mustPlatform(t, c, p.ID); got.Names.En != "Corner Shop" {
		t.Errorf("not replaced: %+v", got.Names)
	}
}

func TestCustomIDFallbacks(t *testing.T) {
	if p := Custom(Text{Zh: "小店"}, nil, fixedNow); !accounts.ValidID(p.ID) || p.ID == "user-" {
		t.Errorf("Chinese-only name gave ID %q", p.ID)
	}
	if a, b := Custom(Text{Zh: "小店"}, nil, fixedNow), Custom(Text{Zh: "小店"}, nil, fixedNow); a.ID != b.ID {
		t.Errorf("Custom IDs not stable: %s %s", a.ID, b.ID)
	}
}

func TestSaveUserRefusesInvalid(t *testing.T) {
	data := t.TempDir()
	p := Custom(Text{En: "X"}, nil, fixedNow)
	p.ID = accounts.CustomPlatform
	if _, err := SaveUser(data, p); !errors.Is(err, accounts.ErrInvalid) {
		t.Errorf("reserved ID: %v", err)
	}
	p.ID = "../escape"
	if _, err := SaveUser(data, p); err == nil {
		t.Error("path-like ID accepted")
	}
	if _, err := os.Stat(UserDir(data)); err == nil {
		entries, _ := os.ReadDir(UserDir(data))
		if len(entries) != 0 {
			t.Errorf("files written for invalid platforms: %v", entries)
		}
	}
}

func TestWriteFileRoundTrip(t *testing.T) {
	c := builtin(t)
	file := filepath.Join(t.TempDir(), "sub", "all.json")
	if err := WriteFile(file, c.All()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ps, errs := Parse(file, data)
	if len(errs) != 0 || len(ps) != c.Len() {
		t.Fatalf("round trip: %d platforms, errors %v", len(ps), errs)
	}
	bad := []Platform{{ID: "nope"}}
	if err := WriteFile(file, bad); err == nil {
		t.Error("WriteFile accepted an invalid platform")
	}
	if again, _ := os.ReadFile(file); string(again) != string(data) {
		t.Error("a refused write changed the file")
	}
}
