package overview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// link is a row that opens something: a hand cursor, a hover and focus
// tint (colour only, so nothing moves under the pointer), and Enter or
// Space when it has the keyboard focus.
type link struct {
	widget.BaseWidget
	content fyne.CanvasObject
	bg      *canvas.Rectangle
	onTap   func()
	hovered bool
	focused bool
}

var (
	_ fyne.Tappable      = (*link)(nil)
	_ fyne.Focusable     = (*link)(nil)
	_ desktop.Hoverable  = (*link)(nil)
	_ desktop.Cursorable = (*link)(nil)
)

func newLink(content fyne.CanvasObject, onTap func()) *link {
	l := &link{content: content, bg: canvas.NewRectangle(nil), onTap: onTap}
	l.bg.CornerRadius = theme.InputRadiusSize()
	l.ExtendBaseWidget(l)
	return l
}

func (l *link) CreateRenderer() fyne.WidgetRenderer {
	pad := container.NewPadded(l.content)
	return widget.NewSimpleRenderer(container.NewStack(l.bg, pad))
}

func (l *link) Refresh() {
	switch {
	case l.focused:
		l.bg.FillColor = theme.Color(theme.ColorNameFocus)
	case l.hovered:
		l.bg.FillColor = theme.Color(theme.ColorNameHover)
	default:
		l.bg.FillColor = nil
	}
	l.bg.Refresh()
	l.BaseWidget.Refresh()
}

func (l *link) Tapped(*fyne.PointEvent) {
	if l.onTap != nil {
		l.onTap()
	}
}

func (l *link) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (l *link) MouseIn(*desktop.MouseEvent)    { l.hovered = true; l.Refresh() }
func (l *link) MouseMoved(*desktop.MouseEvent) {}
func (l *link) MouseOut()                      { l.hovered = false; l.Refresh() }

func (l *link) FocusGained() { l.focused = true; l.Refresh() }
func (l *link) FocusLost()   { l.focused = false; l.Refresh() }
func (l *link) TypedRune(r rune) {
	if r == ' ' {
		l.Tapped(nil)
	}
}

func (l *link) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		l.Tapped(nil)
	}
}
