package overview

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// barLayout places a status's bar: the label in a fixed column, the bar
// scaled to the largest count, the count after it. The geometry depends on
// the counts only, never on the pointer.
type barLayout struct {
	labelW float32
	frac   float32 // count / largest count
}

// The bar chart's geometry.
const (
	barH     = 18
	countW   = 48
	minBarW  = 3
	barSpace = 8
)

func (b *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := max(objs[0].MinSize().Height, barH)
	return fyne.NewSize(b.labelW+countW+minBarW+2*barSpace, h)
}

func (b *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	label, bar, count := objs[0], objs[1], objs[2]
	label.Resize(fyne.NewSize(b.labelW, label.MinSize().Height))
	label.Move(fyne.NewPos(0, (size.Height-label.MinSize().Height)/2))
	room := max(size.Width-b.labelW-countW-2*barSpace, minBarW)
	w := room * b.frac
	if b.frac > 0 {
		w = max(w, minBarW)
	}
	bar.Resize(fyne.NewSize(w, barH))
	bar.Move(fyne.NewPos(b.labelW+barSpace, (size.Height-barH)/2))
	count.Resize(count.MinSize())
	count.Move(fyne.NewPos(b.labelW+barSpace+w+barSpace, (size.Height-count.MinSize().Height)/2))
}

// newBar is one row of the status chart: label, a bar in fill, the count.
func newBar(label string, fill color.Color, count, largest int, labelW float32) *fyne.Container {
	frac := float32(0)
	if largest > 0 {
		frac = float32(count) / float32(largest)
	}
	// Labels, not canvas texts: they follow a theme switch.
	l := widget.NewLabel(label)
	r := canvas.NewRectangle(fill)
	r.CornerRadius = 3
	n := widget.NewLabel(strconv.Itoa(count))
	return &fyne.Container{Layout: &barLayout{labelW: labelW, frac: frac}, Objects: []fyne.CanvasObject{l, r, n}}
}
