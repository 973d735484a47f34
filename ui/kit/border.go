package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// NewBorder is container.NewBorder with its objects in reading order:
// top, left, centre, right, bottom. Tab moves the focus in the order of a
// container's objects, and Fyne's NewBorder puts the centre first, so Tab
// went through a pane's body before the header above it. The GUI uses
// this one (make lint refuses container.NewBorder outside this file).
func NewBorder(top, bottom, left, right fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	all := make([]fyne.CanvasObject, 0, len(center)+4)
	for _, o := range []fyne.CanvasObject{top, left} {
		if o != nil {
			all = append(all, o)
		}
	}
	for _, o := range center {
		if o != nil {
			all = append(all, o)
		}
	}
	for _, o := range []fyne.CanvasObject{right, bottom} {
		if o != nil {
			all = append(all, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, left, right), all...)
}
