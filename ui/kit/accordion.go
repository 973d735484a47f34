package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Accordion is a list of sections that open and close independently, laid
// out as Fyne's widget.Accordion is but with each section's header followed
// by its body: Fyne's lists all headers before all bodies, so Tab went
// through every header before reaching the steps of the open section.
// Opening or closing a section moves only what lies below its header.
type Accordion struct {
	widget.BaseWidget
	Items   []*widget.AccordionItem
	box     *fyne.Container
	headers []*widget.Button
}

// NewAccordion is an empty Accordion; Append adds its sections.
func NewAccordion() *Accordion {
	a := &Accordion{box: container.New(layout.NewCustomPaddedVBoxLayout(theme.Padding()))}
	a.ExtendBaseWidget(a)
	return a
}

// Append adds a section at the end.
func (a *Accordion) Append(item *widget.AccordionItem) {
	a.Items = append(a.Items, item)
	a.Refresh()
}

// Open opens the section at index (others stay as they are).
func (a *Accordion) Open(index int) { a.set(index, true) }

// Close closes the section at index.
func (a *Accordion) Close(index int) { a.set(index, false) }

func (a *Accordion) set(index int, open bool) {
	if index < 0 || index >= len(a.Items) {
		return
	}
	a.Items[index].Open = open
	a.Refresh()
}

// CreateRenderer is Fyne's.
func (a *Accordion) CreateRenderer() fyne.WidgetRenderer {
	a.rebuild()
	return &accordionRenderer{a: a}
}

// rebuild makes the box: header, body, separator for each section, in
// reading order.
func (a *Accordion) rebuild() {
	for len(a.headers) < len(a.Items) {
		i := len(a.headers)
		h := widget.NewButton("", func() { a.set(i, !a.Items[i].Open) })
		h.Alignment = widget.ButtonAlignLeading
		h.IconPlacement = widget.ButtonIconLeadingText
		h.Importance = widget.LowImportance
		a.headers = append(a.headers, h)
	}
	objs := make([]fyne.CanvasObject, 0, 3*len(a.Items))
	for i, it := range a.Items {
		h := a.headers[i]
		h.Text = it.Title
		h.Icon = theme.MenuExpandIcon()
		if it.Open {
			h.Icon = theme.MenuDropDownIcon()
		}
		h.Refresh()
		objs = append(objs, h)
		if it.Open {
			it.Detail.Show()
		} else {
			it.Detail.Hide()
		}
		objs = append(objs, it.Detail)
		if i < len(a.Items)-1 {
			objs = append(objs, widget.NewSeparator())
		}
	}
	a.box.Objects = objs
	a.box.Refresh()
}

type accordionRenderer struct{ a *Accordion }

func (r *accordionRenderer) Layout(size fyne.Size) { r.a.box.Resize(size) }
func (r *accordionRenderer) MinSize() fyne.Size    { return r.a.box.MinSize() }
func (r *accordionRenderer) Refresh()              { r.a.rebuild() }
func (r *accordionRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.a.box}
}
func (r *accordionRenderer) Destroy() {}
