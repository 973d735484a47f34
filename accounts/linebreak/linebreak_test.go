package linebreak

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/unbindapp/unbind/assets"
)

// cells measures as a terminal does: Chinese two cells, the rest one.
func cells(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2e80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestLinesExamples(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  []string
	}{
		// The stop never starts a line: the character before it goes down with it.
		{"提交申请后等待审核。", 18, []string{"提交申请后等待审", "核。"}},
		{"提交申请后等待审核，然后注销", 18, []string{"提交申请后等待审", "核，然后注销"}},
		// The opening bracket never ends a line.
		{"打开我的淘宝（设置）", 14, []string{"打开我的淘宝", "（设置）"}},
		{"联系客服「人工服务」即可", 10, []string{"联系客服", "「人工服", "务」即可"}},
		// A list marker stays with its text.
		{"2. 以书面形式提交", 6, []string{"2. 以", "书面形", "式提交"}},
		{"（三）以书面形式提交", 8, []string{"（三）以", "书面形式", "提交"}},
		// An identifier is never split, and a number stays with its counter.
		{"请拨打客服电话 95188 咨询", 16, []string{"请拨打客服电话", "95188 咨询"}},
		{"工单号 2026120700123456 已受理", 18, []string{"工单号", "2026120700123456", "已受理"}},
		{"等待15个工作日", 6, []string{"等待", "15个工", "作日"}},
		{"见 taobao.com 的帮助", 12, []string{"见", "taobao.com", "的帮助"}},
		// English breaks at spaces.
		{"Wait for the review, then sign out.", 12, []string{"Wait for the", "review, then", "sign out."}},
		// Newlines end paragraphs; an empty paragraph is an empty line.
		{"第一行\n\n第三行", 40, []string{"第一行", "", "第三行"}},
		// Wider than a line: cut between characters, the last resort.
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
	} {
		if got := Lines(c.text, c.width, cells); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Lines(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// TestRulesOnRealTexts breaks every Chinese and English text Unbind shows
// (the GUI's translations, the catalog's steps and notes) at widths from a
// few characters to a wide window, and checks the rules on each line.
func TestRulesOnRealTexts(t *testing.T) {
	texts := realTexts(t)
	if len(texts) < 500 {
		t.Fatalf("only %d texts found: the walk over the assets is broken", len(texts))
	}
	broken := 0
	for _, text := range texts {
		for _, width := range []float64{8, 11, 14, 17, 23, 31, 47, 71} {
			lines := Lines(text, width, cells)
			if len(lines) > 1 {
				broken++
			}
			checkLines(t, text, width, lines)
		}
	}
	if broken < 1000 {
		t.Fatalf("only %d texts were broken into several lines: the widths do not exercise the rules", broken)
	}
}

func checkLines(t *testing.T, text string, width float64, lines []string) {
	t.Helper()
	bs, ok := boundaries(text, lines)
	if !ok {
		t.Fatalf("at width %v the lines of %q lose or add text: %q", width, text, lines)
	}
	// Each rule is checked first and the (slower) question whether a break
	// was forced asked only of a line that breaks one.
	for i, l := range lines {
		if cells(l) > width && !(i+1 < len(lines) && wideUnit(l, bs[i].gap, lines[i+1], width)) &&
			!(i > 0 && wideUnit(lines[i-1], bs[i-1].gap, l, width)) {
			t.Errorf("at width %v line %q of %q is too wide", width, l, text)
		}
		startsParagraph := i == 0 || bs[i-1].gap == "\n"
		if startsParagraph && i+1 < len(lines) && bs[i].gap != "\n" && isOnlyMarker(l) {
			t.Errorf("at width %v a list marker is left alone on a line: %q", width, lines)
		}
	}
	for i, b := range bs {
		if b.gap == "\n" {
			continue // a paragraph's end
		}
		var broken string
		switch ca, cb := classOf(b.before), classOf(b.after); {
		case cb == classCL || cb == classIS:
			broken = fmt.Sprintf("a line starts with %q", b.after)
		case ca == classOP:
			broken = fmt.Sprintf("a line ends with %q", b.before)
		case b.gap == "" && (ca == classAL || ca == classNU) && (cb == classAL || cb == classNU):
			broken = fmt.Sprintf("an identifier is split between %q and %q", lines[i], lines[i+1])
		}
		if broken != "" && !wideUnit(lines[i], b.gap, lines[i+1], width) {
			t.Errorf("at width %v in %q %s: %q", width, text, broken, lines)
		}
	}
}

// boundary is a break between two lines: the characters on either side
// and what the text had between them (spaces dropped at the break, a
// newline, or nothing).
type boundary struct {
	before, after rune
	gap           string
}

// boundaries aligns lines with text; ok is false when they do not make
// up the text.
func boundaries(text string, lines []string) ([]boundary, bool) {
	rest := strings.ReplaceAll(text, "\r", "")
	var bs []boundary
	for i, l := range lines {
		if !strings.HasPrefix(rest, l) {
			return nil, false
		}
		rest = rest[len(l):]
		if i == len(lines)-1 {
			return bs, rest == ""
		}
		gap := rest[:len(rest)-len(strings.TrimLeft(rest, " \t\u3000"))]
		if strings.HasPrefix(rest[len(gap):], "\n") {
			gap = "\n"
			rest = strings.TrimPrefix(rest, "\n")
			if strings.HasPrefix(l, " ") { // never: lines keep no trailing space
				return nil, false
			}
		} else {
			rest = rest[len(gap):]
		}
		before, _ := utf8.DecodeLastRuneInString(l)
		after, _ := utf8.DecodeRuneInString(rest)
		bs = append(bs, boundary{before, after, gap})
	}
	return bs, rest == ""
}

// wideUnit reports whether a break between prev and next (gap between
// them in the text) was forced: the run they cut has no break inside and
// is wider than a line.
func wideUnit(prev, gap, next string, width float64) bool {
	p := unitsOf(prev, false)
	n := unitsOf(next, false)
	if len(p) == 0 || len(n) == 0 || gap == "\n" {
		return false
	}
	joined := unitsOf(p[len(p)-1].text+gap+n[0].text, false)
	return len(joined) == 1 && cells(joined[0].text) > width
}

func isOnlyMarker(l string) bool {
	l = strings.TrimSpace(l)
	return l != "" && markerEnd([]rune(l+" x")) == utf8.RuneCountInString(l+" x")
}

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// realTexts are the zh and en strings of the translations and the catalog.
func realTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	walk := func(fsys fs.FS, pattern string) {
		names, err := fs.Glob(fsys, pattern)
		if err != nil || len(names) == 0 {
			t.Fatalf("no %s: %v", pattern, err)
		}
		for _, n := range names {
			b, err := fs.ReadFile(fsys, n)
			if err != nil {
				t.Fatal(err)
			}
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatalf("%s: %v", n, err)
			}
			texts = collect(texts, v)
		}
	}
	walk(assets.I18n, "i18n/*.json")
	walk(assets.Catalog, "catalog/*.json")
	return texts
}

func collect(texts []string, v any) []string {
	switch x := v.(type) {
	case string:
		if utf8.RuneCountInString(x) > 4 {
			texts = append(texts, x)
		}
	case []any:
		for _, e := range x {
			texts = collect(texts, e)
		}
	case map[string]any:
		for _, e := range x {
			texts = collect(texts, e)
		}
	}
	return texts
}

func FuzzLines(f *testing.F) {
	for _, s := range []string{"提交申请后等待审核。", "2. 以书面形式", "（三）", "a.b.c", "——", "「」", " \n\t"} {
		f.Add(s, 6.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		if !utf8.ValidString(text) || len(text) > 4096 || !(width >= 1 && width <= 200) {
			return
		}
		lines := Lines(text, width, cells)
		if got, want := squash(strings.Join(lines, "")), squash(strings.ReplaceAll(text, "\r", "")); got != want {
			t.Fatalf("Lines(%q, %v) loses or adds text: %q", text, width, lines)
		}
	})
}
