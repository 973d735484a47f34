package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// NewVScroll is a vertical scroll whose mouse wheel works everywhere over
// its content. Fyne hands a wheel event to the innermost scrollable under
// the pointer, and a one-line entry is one (it scrolls its own text), so
// the wheel stopped dead whenever a field passed under the pointer. A
// wheel catcher laid over the content takes the wheel and scrolls this
// scroll; it takes nothing else, so taps, hover, the cursor and typing
// still reach the fields. Use it only where the content has no scrollable
// of its own to turn (no multi-line entry, no list).
func NewVScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(nil)
	w := &wheelCatcher{target: s}
	w.ExtendBaseWidget(w)
	s.Content = container.NewStack(content, w)
	return s
}

// wheelCatcher is fyne.Scrollable and nothing else.
type wheelCatcher struct {
	widget.BaseWidget
	target *container.Scroll
}

var _ fyne.Scrollable = (*wheelCatcher)(nil)

// Scrolled scrolls the scroll the catcher lies in.
func (w *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) { w.target.Scrolled(ev) }

// CreateRenderer is Fyne's: nothing to draw.
func (w *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
