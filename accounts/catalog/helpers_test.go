package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

// builtinDir is the built-in data; the tests read it from disk so they do
// not depend on package assets (which embeds the same files).
const builtinDir = "../../assets/catalog"

func builtin(t *testing.T) *Catalog {
	t.Helper()
	c, errs := Load(os.DirFS(builtinDir), "")
	for _, err := range errs {
		t.Errorf("built-in catalog: %v", err)
	}
	return c
}

func mustPlatform(t *testing.T, c *Catalog, id string) Platform {
	t.Helper()
	p, ok := c.Platform(id)
	if !ok {
		t.Fatalf("platform %s missing", id)
	}
	return p
}

func mustTrack(t *testing.T, c *Catalog, id string, kind accounts.TrackKind) Track {
	t.Helper()
	tr, ok := mustPlatform(t, c, id).Track(kind)
	if !ok {
		t.Fatalf("%s has no %s track", id, kind)
	}
	return tr
}

// allText joins every Chinese and English string of a track, for "does the
// track say X anywhere" checks.
func allText(tr Track) string {
	var b strings.Builder
	add := func(x Text) { b.WriteString(x.Zh + "\n" + x.En + "\n") }
	for _, s := range tr.Steps {
		add(s.Text)
		add(s.Path)
	}
	for _, p := range tr.Prerequisites {
		add(p.Text)
	}
	add(tr.Loses)
	add(tr.Afterwards)
	add(tr.Notes)
	return b.String()
}

func wantContains(t *testing.T, what, text string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(text, s) {
			t.Errorf("%s does not mention %q", what, s)
		}
	}
}

// loadErrors returns the *LoadErrors among errs, failing on anything else.
func loadErrors(t *testing.T, errs []error) []*LoadError {
	t.Helper()
	var out []*LoadError
	for _, err := range errs {
		var le *LoadError
		if !errors.As(err, &le) {
			t.Errorf("error %v (%T) is not a *LoadError", err, err)
			continue
		}
		out = append(out, le)
	}
	return out
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
