package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/kit"
)

// dueColor marks reminders that want attention.
var dueColor = color.NRGBA{R: 0xd9, G: 0x48, B: 0x1c, A: 0xff}

// accountRow is one line of the inventory: initial, name, platform and
// masked login, reminders due, and the status badge.
type accountRow struct {
	widget.BaseWidget
	root   *fyne.Container
	avatar *kit.Avatar
	name   *widget.Label
	sub    *canvas.Text
	due    *kit.Badge
	status *kit.Badge
}

func newAccountRow() *accountRow {
	r := &accountRow{
		avatar: kit.NewAvatar(34),
		name:   widget.NewLabel(""),
		sub:    canvas.NewText("", theme.Color(theme.ColorNameDisabled)),
		due:    kit.NewBadge("", dueColor),
		status: kit.NewStatusBadge(accounts.StatusActive),
	}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.sub.TextSize = theme.CaptionTextSize()
	r.ExtendBaseWidget(r)
	return r
}

func (r *accountRow) CreateRenderer() fyne.WidgetRenderer {
	// The label's own padding is dropped so name and sub-line sit close.
	text := container.New(layout.NewCustomPaddedVBoxLayout(0),
		container.New(layout.NewCustomPaddedLayout(-4, -6, -4, 0), r.name),
		r.sub)
	right := container.NewHBox(container.NewCenter(r.due), container.NewCenter(r.status))
	middle := container.NewVBox(layout.NewSpacer(), text, layout.NewSpacer())
	r.root = kit.NewBorder(nil, nil, container.NewCenter(r.avatar), right, middle)
	return widget.NewSimpleRenderer(r.root)
}

// set shows item values; due is hidden when 0.
func (r *accountRow) set(name, sub, initial, platformID string, due int, s accounts.Status) {
	r.avatar.Set(initial, platformID)
	r.name.SetText(name)
	r.sub.Text, r.sub.Color = sub, theme.Color(theme.ColorNamePlaceHolder)
	r.sub.Refresh()
	if due > 0 {
		r.due.Set(lang.L("{{.N}} due", map[string]int{"N": due}), dueColor)
		r.due.Show()
	} else {
		r.due.Hide()
	}
	r.status.SetStatus(s)
	// Recycled rows get badges of another width: lay the row out again.
	if r.root != nil {
		r.root.Refresh()
	}
}
