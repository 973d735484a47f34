package kit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The next-step line above the checklist keeps its height while one
// account is shown: a shorter sentence after a tick must not pull the
// checklist up under the pointer, and the floor keeps a one-line sentence
// from growing to two.
func TestStableHeightNeverShrinksUntilReset(t *testing.T) {
	test.NewTempApp(t)
	label := widget.NewLabel("short")
	label.Wrapping = fyne.TextWrapWord
	box, l := NewStableHeight(0, label)
	win := test.NewWindow(box)
	defer win.Close()
	win.Resize(fyne.NewSize(300, 400))
	one := box.MinSize().Height

	label.SetText(strings.Repeat("a longer next step that wraps ", 4))
	two := box.MinSize().Height
	if two <= one {
		t.Fatalf("a wrapped sentence is %v high, one line %v", two, one)
	}
	label.SetText("short")
	if got := box.MinSize().Height; got != two {
		t.Errorf("after a shorter sentence the line is %v high, want it kept at %v", got, two)
	}
	l.Reset()
	if got := box.MinSize().Height; got != one {
		t.Errorf("after Reset %v, want %v", got, one)
	}
	floored, _ := NewStableHeight(two, widget.NewLabel("short"))
	if got := floored.MinSize().Height; got != two {
		t.Errorf("floor: %v, want %v", got, two)
	}
}
