package account

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/kit"
)

// UndoWindow is how long the Undo offer stays after a tick.
const UndoWindow = 8 * time.Second

// doneColumnWidth fits "Done 2026-12-01 10:00" in the caption size.
func doneColumnWidth() float32 {
	return fyne.MeasureText(lang.L("Done {{.Time}}", map[string]string{"Time": "2026-12-01 10:00"}),
		theme.CaptionTextSize(), fyne.TextStyle{}).Width + theme.Padding()
}

// onCheck handles a click on a checklist box. A tick is saved at once and
// can be undone for a few seconds; unticking a done item asks first and
// is recorded as a correction ("ticked by mistake"), because the history
// keeps every tick.
func (v *stepsView) onCheck(c *widget.Check, a accounts.Account, kind accounts.TrackKind, key, text string, on bool, at time.Time) {
	if on {
		v.u.onTick(a, kind, key, true)
		v.u.offerUndo(a, kind, key, text)
		return
	}
	// Put the tick back until the person confirms: the box must show what
	// is stored.
	handler := c.OnChanged
	c.OnChanged = nil
	c.SetChecked(true)
	c.OnChanged = handler
	msg := lang.L("\"{{.Item}}\" was ticked on {{.Time}}. Untick it? The history keeps the tick and records this as a correction: ticked by mistake.",
		map[string]string{"Item": text, "Time": kit.FormatDateTime(at)})
	kit.ShowConfirm(lang.L("Untick (mistake)"), msg, func(yes bool) {
		if yes {
			v.u.onUntick(a, kind, key, accounts.CorrectionMistake)
		}
	}, v.u.env().Window)
}

// undoOffer is the "Ticked … Undo" notice: an overlay at the bottom of
// the window, so showing and hiding it moves nothing.
type undoOffer struct {
	mu    sync.Mutex
	popup *widget.PopUp
	timer *time.Timer
}

// offerUndo shows the notice for UndoWindow; Undo unticks the item as
// undone right after ticking.
func (u *shell) offerUndo(a accounts.Account, kind accounts.TrackKind, key, text string) {
	win := u.env().Window
	if win == nil || win.Canvas() == nil {
		return
	}
	u.undo.hide()
	var pop *widget.PopUp
	undo := widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), func() {
		pop.Hide()
		u.onUntick(a, kind, key, accounts.CorrectionUndo)
	})
	label := widget.NewLabel(lang.L("Ticked \"{{.Item}}\".", map[string]string{"Item": text}))
	label.Truncation = fyne.TextTruncateEllipsis
	box := kit.NewBorder(nil, nil, nil, undo, label)
	pop = widget.NewPopUp(kit.NewFixedWidth(480, box), win.Canvas())
	size := win.Canvas().Size()
	m := pop.MinSize()
	pop.ShowAtPosition(fyne.NewPos(max(0, (size.Width-m.Width)/2), max(0, size.Height-m.Height-2*theme.Padding())))
	u.undo.mu.Lock()
	u.undo.popup = pop
	u.undo.timer = u.after(UndoWindow, func() { fyne.Do(func() { u.undo.hideIf(pop) }) })
	u.undo.mu.Unlock()
}

func (o *undoOffer) hide() {
	o.mu.Lock()
	pop, t := o.popup, o.timer
	o.popup, o.timer = nil, nil
	o.mu.Unlock()
	if t != nil {
		t.Stop()
	}
	if pop != nil {
		pop.Hide()
	}
}

func (o *undoOffer) hideIf(pop *widget.PopUp) {
	o.mu.Lock()
	mine := o.popup == pop
	if mine {
		o.popup, o.timer = nil, nil
	}
	o.mu.Unlock()
	if mine {
		pop.Hide()
	}
}

func (u *shell) onUntick(a accounts.Account, kind accounts.TrackKind, key string, why accounts.Correction) {
	if _, err := u.env().Service.UntickStep(u.env().Ctx, a.ID, kind, key, why); err != nil {
		u.ShowError(err)
	}
	u.AccountChanged(a.ID)
}
