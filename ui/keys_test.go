package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

func shortcut(u *UI, key fyne.KeyName) {
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func press(o fyne.Focusable, key fyne.KeyName) { o.TypedKey(&fyne.KeyEvent{Name: key}) }

// Ctrl+N opens the add-account form, whose fields take Escape (close) and
// Enter (save); the platform picker opens with its search focused and
// Enter takes the first result; Ctrl+F focuses the search of the list;
// with nothing focused Escape still closes the top dialog.
func TestKeyboardBasics(t *testing.T) {
	keyring.MockInit()
	u := newTestUI(t, nil)
	field := func(placeholder string) *kit.Entry {
		e := uitest.Find(uitest.Top(u.win), func(e *kit.Entry) bool { return e.PlaceHolder == placeholder })
		if e == nil {
			t.Fatalf("no field %q in the top dialog", placeholder)
		}
		return e
	}

	shortcut(u, fyne.KeyN)
	if uitest.Top(u.win) == nil {
		t.Fatal("Ctrl+N opened nothing")
	}
	press(field("e.g. Taobao main account"), fyne.KeyEscape)
	if uitest.Top(u.win) != nil {
		t.Fatal("Escape in a field did not close the form")
	}

	shortcut(u, fyne.KeyN)
	form := uitest.Top(u.win)
	test.Tap(uitest.Button(form, "Choose a platform…"))
	search, ok := u.win.Canvas().Focused().(*kit.Entry)
	if !ok || search.PlaceHolder == "" {
		t.Fatalf("the picker did not focus its search: %T", u.win.Canvas().Focused())
	}
	test.Type(search, "京东")
	press(search, fyne.KeyReturn)
	if uitest.Top(u.win) != form {
		t.Fatal("Enter in the picker's search did not pick")
	}
	name := field("e.g. Taobao main account")
	if name.Text == "" {
		t.Fatal("picking did not fill in the name")
	}
	press(name, fyne.KeyReturn)
	if uitest.Top(u.win) != nil || len(u.items) != 1 || u.items[0].Account.PlatformID != "jd" {
		t.Fatalf("Enter did not save: %d accounts, dialog open %v", len(u.items), uitest.Top(u.win) != nil)
	}

	shortcut(u, fyne.KeyF)
	if u.win.Canvas().Focused() != u.inv.search {
		t.Error("Ctrl+F did not focus the search")
	}

	u.win.Canvas().Unfocus()
	u.detail.Show(u.items[0].Account.ID)
	test.Tap(uitest.Button(u.detail.Content(), "Delete"))
	if uitest.Top(u.win) == nil {
		t.Fatal("Delete asked nothing")
	}
	u.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if uitest.Top(u.win) != nil {
		t.Error("Escape with nothing focused did not close the dialog")
	}
	if len(u.items) != 1 || u.items[0].Account.Status != accounts.StatusActive {
		t.Error("Escape on the delete question deleted")
	}
}

// Tab moves the focus in reading order: through the list pane on the
// left, then the account pane, each from top to bottom and, along one
// row, from left to right.
func TestTabFollowsReadingOrder(t *testing.T) {
	keyring.MockInit()
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "tmall", Name: "Tmall", RealName: true})
	add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	u.selectAccount(a.ID)
	c := u.win.Canvas()
	d := fyne.CurrentApp().Driver()
	panes := d.AbsolutePositionForObject(u.split)
	split := d.AbsolutePositionForObject(u.detail.Content()).X
	// region: 0 above the panes (the banner), 1 the list, 2 the account.
	region := func(p fyne.Position) int {
		switch {
		case p.Y < panes.Y:
			return 0
		case p.X < split:
			return 1
		}
		return 2
	}
	type stop struct {
		pos  fyne.Position
		what string
	}
	var stops []stop
	c.Unfocus()
	var first fyne.Focusable
	for range 300 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || f == first {
			break // round the whole window
		}
		if first == nil {
			first = f
		}
		o := f.(fyne.CanvasObject)
		stops = append(stops, stop{d.AbsolutePositionForObject(o), focusName(f)})
	}
	if len(stops) < 8 {
		t.Fatalf("Tab visits only %d widgets: %v", len(stops), stops)
	}
	const row = 8 // px: widgets this close vertically are on one row
	for i := 1; i < len(stops); i++ {
		p, q := stops[i-1], stops[i]
		switch rp, rq := region(p.pos), region(q.pos); {
		case rq < rp:
			t.Errorf("Tab goes back from %s at %v to %s at %v, a region above or to the left", p.what, p.pos, q.what, q.pos)
		case rq > rp:
			// on to the next region: the order restarts at its top
		case q.pos.Y < p.pos.Y-row:
			t.Errorf("Tab goes up from %s at %v to %s at %v", p.what, p.pos, q.what, q.pos)
		case q.pos.Y < p.pos.Y+row && q.pos.X < p.pos.X:
			t.Errorf("Tab goes leftwards along a row from %s at %v to %s at %v", p.what, p.pos, q.what, q.pos)
		}
	}
}

func focusName(f fyne.Focusable) string {
	switch w := f.(type) {
	case *widget.Button:
		return "button " + w.Text
	case *widget.Check:
		return "check " + w.Text
	case *kit.Entry:
		return "entry " + w.PlaceHolder
	case *widget.Entry:
		return "entry " + w.PlaceHolder
	case *widget.Select:
		return "select " + w.Selected
	}
	return fmt.Sprintf("%T", f)
}

// The tools' dialogs take Escape from a focused field too: the 一证通查
// box closes on Escape; the import wizard's path field as well.
func TestToolFieldsTakeEscape(t *testing.T) {
	u := newTestUI(t, nil)
	u.onPhoneCheck()
	sms := uitest.Find(uitest.Top(u.win), func(e *kit.Entry) bool { return e.MultiLine })
	if sms == nil {
		t.Fatal("no SMS box in the phone check")
	}
	press(sms, fyne.KeyEscape)
	if uitest.Top(u.win) != nil {
		t.Error("Escape in the SMS box did not close the phone check")
	}
	u.onImport()
	path := uitest.Find(uitest.Top(u.win), func(e *kit.Entry) bool { return !e.MultiLine })
	if path == nil {
		t.Fatal("no path field in the import wizard")
	}
	press(path, fyne.KeyEscape)
	if uitest.Top(u.win) != nil {
		t.Error("Escape in the import wizard's path did not close it")
	}
}
