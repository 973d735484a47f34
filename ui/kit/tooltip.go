package kit

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TooltipDelay is how long the pointer rests on an icon button before its
// tooltip shows.
const TooltipDelay = 600 * time.Millisecond

// Tooltips is the layer a window's tooltips are drawn in. Fyne 2.7 has no
// tooltips, and a popup cannot stand in for one: it covers the window and
// takes the pointer, so the button under it would lose its hover. This
// layer lies over the window content and holds only a rectangle and a
// text, which take no events.
type Tooltips struct {
	layer *fyne.Container
	bg    *canvas.Rectangle
	text  *canvas.Text
	// After schedules the delayed show; tests make it immediate.
	After func(time.Duration, func()) *time.Timer
	timer *time.Timer
	owner fyne.CanvasObject // the button whose tip is shown or due
}

var tooltipLayers sync.Map // fyne.Canvas → *Tooltips

// WithTooltips lays a tooltip layer over content, the window's content,
// and registers it for win, where IconButtons find it.
func WithTooltips(win fyne.Window, content fyne.CanvasObject) (fyne.CanvasObject, *Tooltips) {
	t := &Tooltips{bg: canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground)), After: time.AfterFunc}
	t.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.text = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	t.text.TextSize = theme.CaptionTextSize()
	t.layer = container.NewWithoutLayout(t.bg, t.text)
	t.layer.Hide()
	tooltipLayers.Store(win.Canvas(), t)
	return container.NewStack(content, t.layer), t
}

// Shown is the text of the tooltip on screen, or "".
func (t *Tooltips) Shown() string {
	if !t.layer.Visible() {
		return ""
	}
	return t.text.Text
}

// Bounds is where the tooltip is drawn, relative to the window content.
func (t *Tooltips) Bounds() (fyne.Position, fyne.Size) { return t.bg.Position(), t.bg.Size() }

func (t *Tooltips) showSoon(owner fyne.CanvasObject, tip string) {
	t.cancel()
	t.owner = owner
	t.timer = t.After(TooltipDelay, func() {
		fyne.Do(func() {
			if t.owner == owner {
				t.show(owner, tip)
			}
		})
	})
}

// show draws tip under owner (above it near the bottom edge), inside the
// window, never under the pointer resting on owner.
func (t *Tooltips) show(owner fyne.CanvasObject, tip string) {
	d := fyne.CurrentApp().Driver()
	pad := theme.InnerPadding() / 2
	t.text.Text = tip
	t.text.Color = theme.Color(theme.ColorNameForeground)
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	ts := t.text.MinSize()
	size := ts.Add(fyne.NewSize(4*pad, 2*pad))
	at := d.AbsolutePositionForObject(owner).Subtract(d.AbsolutePositionForObject(t.layer))
	area := t.layer.Size()
	pos := fyne.NewPos(at.X, at.Y+owner.Size().Height+2)
	if pos.Y+size.Height > area.Height {
		pos.Y = at.Y - size.Height - 2
	}
	pos.X = max(0, min(pos.X, area.Width-size.Width))
	t.bg.Move(pos)
	t.bg.Resize(size)
	t.text.Move(pos.Add(fyne.NewPos(2*pad, pad)))
	t.text.Resize(ts)
	t.layer.Show()
	t.layer.Refresh()
}

func (t *Tooltips) hide(owner fyne.CanvasObject) {
	if t.owner != owner {
		return
	}
	t.cancel()
	t.owner = nil
	if t.layer.Visible() {
		t.layer.Hide()
	}
}

func (t *Tooltips) cancel() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
}

// IconButton is a button that shows only an icon, with a tooltip naming
// what it does (in the window's Tooltips layer, when there is one).
type IconButton struct {
	widget.Button
	tip string
}

var _ desktop.Hoverable = (*IconButton)(nil)

// NewIconButton is an icon-only button whose tooltip is tip.
func NewIconButton(icon fyne.Resource, tip string, tapped func()) *IconButton {
	b := &IconButton{tip: tip}
	b.Icon, b.OnTapped = icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// Tip is the tooltip's text.
func (b *IconButton) Tip() string { return b.tip }

// SetTip changes the tooltip (the reveal button's says "Hide" once shown).
func (b *IconButton) SetTip(tip string) { b.tip = tip }

// MouseIn is Fyne's hover, and starts the tooltip's delay.
func (b *IconButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	if t := b.tooltips(); t != nil && b.tip != "" {
		t.showSoon(b, b.tip)
	}
}

// MouseOut ends the hover and hides the tooltip.
func (b *IconButton) MouseOut() {
	b.Button.MouseOut()
	if t := b.tooltips(); t != nil {
		t.hide(b)
	}
}

// Tapped hides the tooltip, then taps.
func (b *IconButton) Tapped(e *fyne.PointEvent) {
	if t := b.tooltips(); t != nil {
		t.hide(b)
	}
	b.Button.Tapped(e)
}

func (b *IconButton) tooltips() *Tooltips {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return nil
	}
	t, _ := tooltipLayers.Load(c)
	tt, _ := t.(*Tooltips)
	return tt
}
