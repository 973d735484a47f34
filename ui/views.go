package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The main area's views, by key.
const (
	viewOverview = "overview"
	viewAccounts = "accounts"
	viewAgenda   = "agenda"
)

// mainView is one view of the main area: a button in the switcher at the
// top and the pane it shows.
type mainView struct {
	key, label string
	icon       fyne.Resource
	content    fyne.CanvasObject
	// onShow runs before the view is shown (to bring its data up to
	// date); nil: nothing.
	onShow func()
}

// viewSwitcher is the segmented control over the main area ("Overview ·
// Accounts · …"). Every view stays built and keeps its state (scroll,
// selection); only the current one is visible. The buttons change colour,
// never size, so switching moves nothing under the pointer.
type viewSwitcher struct {
	views   []mainView
	buttons []*widget.Button
	stack   *fyne.Container
	bar     fyne.CanvasObject
	current string
}

func newViewSwitcher(views []mainView) *viewSwitcher {
	s := &viewSwitcher{views: views, stack: container.NewStack()}
	row := container.NewHBox()
	for _, v := range views {
		key := v.key
		b := widget.NewButtonWithIcon(v.label, v.icon, func() { s.show(key) })
		b.Importance = widget.LowImportance
		s.buttons = append(s.buttons, b)
		row.Add(b)
		v.content.Hide()
		s.stack.Add(v.content)
	}
	s.bar = container.NewVBox(row, widget.NewSeparator())
	return s
}

// show makes the view with key the visible one.
func (s *viewSwitcher) show(key string) {
	for i, v := range s.views {
		if v.key != key {
			continue
		}
		if v.onShow != nil {
			v.onShow()
		}
		for j, o := range s.views {
			if j == i {
				o.content.Show()
				s.buttons[j].Importance = widget.HighImportance
			} else {
				o.content.Hide()
				s.buttons[j].Importance = widget.LowImportance
			}
			s.buttons[j].Refresh()
		}
		s.current = key
		return
	}
}

// shortcuts are Ctrl/Cmd+1, +2 … for the views in order.
func (s *viewSwitcher) shortcuts(c fyne.Canvas) {
	for i, v := range s.views {
		if i > 8 {
			return
		}
		key := v.key
		c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { s.show(key) })
	}
}
