package kit

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// Resting the pointer on an icon-only button shows its tooltip below it,
// inside the window and clear of the pointer; leaving or tapping hides it,
// and the button still gets its tap.
func TestIconButtonTooltip(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("t")
	t.Cleanup(win.Close)
	tapped := 0
	copyBtn := NewIconButton(theme.ContentCopyIcon(), "Copy to the clipboard", func() { tapped++ })
	content, tips := WithTooltips(win, container.NewVBox(container.NewHBox(Spacer(), copyBtn)))
	tips.After = func(_ time.Duration, f func()) *time.Timer { f(); return time.NewTimer(time.Hour) }
	win.SetContent(content)
	win.Resize(fyne.NewSize(300, 200))

	c := win.Canvas()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(copyBtn)
	pointer := at.Add(fyne.NewPos(copyBtn.Size().Width/2, copyBtn.Size().Height/2))
	test.MoveMouse(c, pointer)
	if got := tips.Shown(); got != "Copy to the clipboard" {
		t.Fatalf("tooltip %q after hovering", got)
	}
	pos, size := tips.Bounds()
	if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > c.Size().Width || pos.Y+size.Height > c.Size().Height {
		t.Errorf("tooltip at %v size %v leaves the %v window", pos, size, c.Size())
	}
	if pointer.X >= pos.X && pointer.X < pos.X+size.Width && pointer.Y >= pos.Y && pointer.Y < pos.Y+size.Height {
		t.Errorf("tooltip at %v size %v covers the pointer at %v", pos, size, pointer)
	}
	test.MoveMouse(c, fyne.NewPos(5, 150))
	if got := tips.Shown(); got != "" {
		t.Errorf("tooltip %q still shown after the pointer left", got)
	}
	test.MoveMouse(c, pointer)
	test.Tap(copyBtn)
	if tapped != 1 || tips.Shown() != "" {
		t.Errorf("after a tap: %d taps, tooltip %q", tapped, tips.Shown())
	}
}
