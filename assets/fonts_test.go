package assets

import (
	"bytes"
	"io/fs"
	"math"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/font"
)

func parseFont(t *testing.T, name string, data []byte) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// shippedText is every text the app ships: translations, catalog and the
// app's metadata.
func shippedText(t *testing.T) string {
	t.Helper()
	var all strings.Builder
	for _, dir := range []fs.FS{Catalog, I18n} {
		err := fs.WalkDir(dir, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(dir, path)
			all.Write(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	all.Write(b)
	return all.String()
}

// Both bundled fonts hold every character the app ships, so no screen and
// no report shows a box on a machine without CJK fonts.
func TestFontsHoldEveryShippedCharacter(t *testing.T) {
	fonts := map[string]*font.Face{"FontCJK": parseFont(t, "FontCJK", FontCJK), "FontGUI": parseFont(t, "FontGUI", FontGUI)}
	seen := map[rune]bool{}
	for _, r := range shippedText(t) {
		if seen[r] || unicode.IsSpace(r) || unicode.IsControl(r) {
			continue
		}
		seen[r] = true
		for name, f := range fonts {
			if _, ok := f.NominalGlyph(r); !ok {
				t.Errorf("%s has no glyph for %q (U+%04X): run make font", name, r, r)
			}
		}
	}
	if len(seen) < 800 {
		t.Fatalf("only %d distinct characters in the shipped texts: the walk missed files", len(seen))
	}
}

// The GUI's CFF font is the PDF's TrueType font redrawn: the same
// characters, advances and glyph boxes.
func TestGUIFontIsThePDFFontRedrawn(t *testing.T) {
	ttf, otf := parseFont(t, "FontCJK", FontCJK), parseFont(t, "FontGUI", FontGUI)
	if ttf.Upem() != otf.Upem() {
		t.Fatalf("units per em %d vs %d", ttf.Upem(), otf.Upem())
	}
	n := 0
	for it := ttf.Cmap.Iter(); it.Next(); {
		r, tg := it.Char()
		og, ok := otf.NominalGlyph(r)
		if !ok {
			t.Errorf("FontGUI lacks U+%04X", r)
			continue
		}
		n++
		if a, b := ttf.HorizontalAdvance(tg), otf.HorizontalAdvance(og); a != b {
			t.Errorf("U+%04X advance %v vs %v", r, a, b)
		}
		te, _ := ttf.GlyphExtents(tg)
		oe, _ := otf.GlyphExtents(og)
		for _, d := range []float32{te.XBearing - oe.XBearing, te.YBearing - oe.YBearing, te.Width - oe.Width, te.Height - oe.Height} {
			if math.Abs(float64(d)) > 1 {
				t.Errorf("U+%04X box %+v vs %+v", r, te, oe)
				break
			}
		}
	}
	if n < 7000 {
		t.Errorf("only %d characters compared", n)
	}
}
