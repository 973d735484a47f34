package kit

import "fyne.io/fyne/v2"

// StableHeight holds content whose height may change while the person
// works below it (the next-step sentence above the checklist): its height
// never shrinks until Reset, and starts at a floor, so an update after a
// click does not move what lies under the pointer. It grows only when the
// content needs more room than it ever had.
type StableHeight struct {
	floor, height float32
}

// NewStableHeight wraps obj with a height of at least floor.
func NewStableHeight(floor float32, obj fyne.CanvasObject) (*fyne.Container, *StableHeight) {
	l := &StableHeight{floor: floor}
	return &fyne.Container{Layout: l, Objects: []fyne.CanvasObject{obj}}, l
}

// Reset forgets the heights seen, for new content (another account).
func (l *StableHeight) Reset() { l.height = 0 }

// Layout gives every object the whole area.
func (l *StableHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the content's width and the largest height seen so far.
func (l *StableHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	l.height = max(l.height, h, l.floor)
	return fyne.NewSize(w, l.height)
}
