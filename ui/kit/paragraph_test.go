package kit

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/assets"
)

// A Paragraph shows the real Chinese texts broken by the typesetting
// rules at every width a window gives it: no shown line starts with a
// stop or closing bracket or ends with an opening one, every line fits,
// and the paragraph grows by one line height per line.
func TestParagraphBreaksRealTextsByTheRules(t *testing.T) {
	test.NewTempApp(t)
	b, err := assets.I18n.ReadFile("i18n/zh.json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]any // texts, and plural forms as objects
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	var zh []string
	for _, v := range all {
		if s, ok := v.(string); ok {
			zh = append(zh, s)
		}
	}
	pad := theme.InnerPadding()
	measure := measurer(theme.TextSize(), fyne.TextStyle{})
	checked, multi := 0, 0
	// One line's height from a one-line paragraph: the unbroken text may
	// hold line breaks of its own.
	oneLine := Body("汉").MinSize().Height
	for _, text := range zh {
		if utf8.RuneCountInString(text) < 40 {
			continue
		}
		checked++
		p := Body(text)
		for _, w := range []float32{160, 310, 560} {
			p.Resize(fyne.NewSize(w, 600))
			shown := strings.Split(p.rt.Segments[0].(*widget.TextSegment).Text, "\n")
			if len(shown) > 1 {
				multi++
			}
			for i, line := range shown {
				first, _ := utf8.DecodeRuneInString(line)
				last, _ := utf8.DecodeLastRuneInString(line)
				switch {
				case i > 0 && strings.ContainsRune("。，、；：？！）」", first) && !strings.Contains(text, "\n"+line):
					t.Errorf("width %v: line %q of %q starts with %q", w, line, text, first)
				case i < len(shown)-1 && strings.ContainsRune("（「", last):
					t.Errorf("width %v: line %q of %q ends with %q", w, line, text, last)
				case measure(line) > float64(w-2*pad)+0.5 && utf8.RuneCountInString(line) > 1 && !strings.ContainsAny(line, "/:."):
					t.Errorf("width %v: line %q is %.0f wide, more than %v", w, line, measure(line), w-2*pad)
				}
			}
			if got := p.MinSize().Height; len(shown) > 1 && got <= oneLine {
				t.Errorf("width %v: %d lines but the paragraph is %v tall, one line is %v", w, len(shown), got, oneLine)
			}
		}
		if got := p.Text(); got != text {
			t.Errorf("Text() = %q, want the text as set", got)
		}
	}
	if checked < 20 || multi < 50 {
		t.Fatalf("only %d texts, %d broken in several lines: the test exercises nothing", checked, multi)
	}
}
