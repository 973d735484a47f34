package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// flowLayout places objects left to right at their minimum size and wraps
// to a new line when the width runs out (Fyne has no such layout).
type flowLayout struct {
	gap float32
	// width is the width of the last layout: MinSize cannot know the
	// width the parent will give, so it reports the height of the lines
	// at the last one (a first guess before any layout).
	width float32
}

func NewFlow(objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &flowLayout{gap: theme.Padding(), width: 360}, Objects: objs}
}

func (f *flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.width = size.Width
	f.place(objs, size.Width, true)
}

func (f *flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	return fyne.NewSize(w, f.place(objs, max(f.width, w), false))
}

func (f *flowLayout) place(objs []fyne.CanvasObject, width float32, apply bool) float32 {
	x, y, line := float32(0), float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if x > 0 && x+m.Width > width {
			x, y, line = 0, y+line+f.gap, 0
		}
		if apply {
			o.Move(fyne.NewPos(x, y))
			o.Resize(m)
		}
		x += m.Width + f.gap
		line = max(line, m.Height)
	}
	return y + line
}

// widthLayout gives its objects a fixed width (or less when there is not
// enough room), so wrapping text gets a sensible line length in a wide
// window; put it in a Center container.
type widthLayout struct{ width float32 }

func NewFixedWidth(width float32, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &widthLayout{width: width}, Objects: objs}
}

func (l *widthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, size.Height))
	}
}

func (l *widthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Size().Width != l.width {
			o.Resize(fyne.NewSize(l.width, o.MinSize().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}
