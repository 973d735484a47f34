package kit

import (
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Keyboard basics for dialogs: Escape closes the top one (as its Cancel or
// Close button would), Enter submits it (as its default button would).
// Fyne 2.7 dialogs do neither, and a focused entry swallows the keys, so
// dialogs register here (Keyed) and entries in them forward the two keys
// (Entry).

type keyedDialog struct {
	d      dialog.Dialog
	submit func() // nil: Enter does nothing
}

var keyed struct {
	sync.Mutex
	open map[fyne.Canvas][]*keyedDialog
}

// Keyed registers d, shown over win, for Escape and Enter: Enter submits a
// form dialog (when its fields validate) or confirms a confirm dialog;
// submit, when given, is what Enter does instead. It returns d.
func Keyed(win fyne.Window, d dialog.Dialog, submit func()) dialog.Dialog {
	k := &keyedDialog{d: d, submit: submit}
	if k.submit == nil {
		switch x := d.(type) {
		case *dialog.FormDialog:
			k.submit = x.Submit
		case *dialog.ConfirmDialog:
			k.submit = x.Confirm
		}
	}
	c := win.Canvas()
	keyed.Lock()
	if keyed.open == nil {
		keyed.open = map[fyne.Canvas][]*keyedDialog{}
	}
	keyed.open[c] = append(keyed.open[c], k)
	keyed.Unlock()
	d.SetOnClosed(func() {
		keyed.Lock()
		defer keyed.Unlock()
		keyed.open[c] = slices.DeleteFunc(keyed.open[c], func(x *keyedDialog) bool { return x == k })
	})
	return d
}

// HandleKey does what Escape or Enter means for the dialog on top of c;
// it reports whether it did anything. The shell installs it as the
// canvas's key handler; Entry calls it for a focused field.
func HandleKey(c fyne.Canvas, ev *fyne.KeyEvent) bool {
	if c == nil {
		return false
	}
	keyed.Lock()
	stack := keyed.open[c]
	var top *keyedDialog
	if len(stack) > 0 {
		top = stack[len(stack)-1]
	}
	keyed.Unlock()
	switch ev.Name {
	case fyne.KeyEscape:
		if top != nil {
			top.d.Dismiss()
			return true
		}
		if p, ok := c.Overlays().Top().(*widget.PopUp); ok {
			p.Hide() // a notice such as the Undo offer
			return true
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if top != nil && top.submit != nil {
			top.submit()
			return true
		}
	}
	return false
}

// Entry is a text field for dialogs: Escape closes the dialog, and Enter
// in a one-line field with no OnSubmitted of its own submits it.
type Entry struct {
	widget.Entry
}

// NewEntry is a one-line Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewPasswordEntry is a one-line Entry that hides what is typed.
func NewPasswordEntry() *Entry {
	e := NewEntry()
	e.Password = true
	return e
}

// NewMultiLineEntry is an Entry of several lines; Enter adds a line.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey forwards Escape, and Enter as described, to the dialog.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	switch ev.Name {
	case fyne.KeyEscape:
		if HandleKey(c, ev) {
			return
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.MultiLine && e.OnSubmitted == nil && HandleKey(c, ev) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}
