package account

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
)

// positions are where every checkbox of the steps pane is on screen.
func positions(u *testUI) map[string]fyne.Position {
	d := fyne.CurrentApp().Driver()
	out := map[string]fyne.Position{}
	for k, c := range u.detail.steps.checks {
		out[k] = d.AbsolutePositionForObject(c)
	}
	return out
}

func openSections(u *testUI) []bool {
	var out []bool
	for _, it := range u.detail.steps.tracks.Items {
		out = append(out, it.Open)
	}
	return out
}

// A tick changes nothing on screen but the box itself: on Tmall (whose
// next-step line changes with the first tick) every other checkbox stays
// where it was, the section the person opened stays open, and the scroll
// position holds.
func TestTickMovesNoOtherCheckbox(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "tmall", Name: "Tmall", RealName: true, Phone: "13812345678"})
	u.win.Resize(fyne.NewSize(900, 600))
	u.selectAccount(a.ID)
	// Open real-name unbinding as well, as the person in the report did.
	for i, k := range u.detail.steps.kinds {
		if k == accounts.TrackRealNameUnbind {
			u.detail.steps.tracks.Open(i)
		}
	}
	u.detail.steps.scroll.ScrollToOffset(fyne.NewPos(0, 60))
	before, open, offset := positions(u), openSections(u), u.detail.steps.scroll.Offset
	header := u.detail.nextBox.Size().Height

	key := string(accounts.TrackRealNameUnbind) + "/" + accounts.StepKey(0)
	test.Tap(u.detail.steps.checks[key])
	if !u.detail.steps.checks[key].Checked {
		t.Fatal("the tick did not stay")
	}
	if h := u.detail.nextBox.Size().Height; h != header {
		t.Errorf("the next-step line changed height from %v to %v", header, h)
	}
	after := positions(u)
	for k, p := range before {
		if after[k] != p {
			t.Errorf("%s moved from %v to %v", k, p, after[k])
		}
	}
	if got := openSections(u); !slices.Equal(got, open) {
		t.Errorf("open sections %v, want %v", got, open)
	}
	if u.detail.steps.scroll.Offset != offset {
		t.Errorf("scroll offset %v, want %v", u.detail.steps.scroll.Offset, offset)
	}
}

// Undo right after a tick, and "untick (mistake)" later, both leave the
// tick in the history and add a correction saying why.
func TestUndoAndCorrectionAreRecorded(t *testing.T) {
	u := newTestUI(t, nil)
	ctx := context.Background()
	a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	u.selectAccount(a.ID)
	key := ""
	for k, c := range u.detail.steps.checks {
		if !c.Disabled() && strings.HasPrefix(k, string(accounts.TrackAccountDelete)+"/prereq:") {
			key = k
			break
		}
	}
	if key == "" {
		t.Fatal("JD's account deletion has no prerequisite to tick")
	}

	test.Tap(u.detail.steps.checks[key])
	offer := uitest.Top(u.win)
	undo := uitest.Button(offer, "Undo")
	if undo == nil {
		t.Fatal("no Undo offered after the tick")
	}
	test.Tap(undo)
	if u.detail.steps.checks[key].Checked {
		t.Error("Undo left the box ticked")
	}
	if uitest.Top(u.win) == offer {
		t.Error("the Undo notice stayed after Undo")
	}

	test.Tap(u.detail.steps.checks[key]) // tick again
	u.undoHide()
	test.Tap(u.detail.steps.checks[key]) // and untick: asks first
	if !u.detail.steps.checks[key].Checked {
		t.Error("the box unticked before the person confirmed")
	}
	if !uitest.TopShows(u.win, "records this as a correction") {
		t.Fatal("unticking did not ask")
	}
	test.Tap(uitest.Button(uitest.Top(u.win), "Yes"))
	if u.detail.steps.checks[key].Checked {
		t.Error("confirming did not untick")
	}

	hist := strings.Join(u.detail.hist.lines, "\n")
	for _, want := range []string{"Undone right after ticking:", "was ticked by mistake"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %q:\n%s", want, hist)
		}
	}
	events, err := u.st.Events(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, e := range events {
		if e.Kind == accounts.EventStep || e.Kind == accounts.EventUnstep {
			reasons = append(reasons, string(e.Kind)+":"+e.From)
		}
	}
	if got := strings.Join(reasons, " "); got != "step: step_undone:undo step: step_undone:mistake" {
		t.Errorf("events %s", got)
	}
}

// The mouse wheel scrolls the steps even when the pointer is over a
// ticket or note field: a one-line entry is a scrollable of its own, and
// Fyne gives the wheel to the innermost one.
func TestWheelOverAFieldScrollsTheSteps(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "tmall", Name: "Tmall", RealName: true})
	u.win.Resize(fyne.NewSize(900, 600))
	u.selectAccount(a.ID)
	for i, k := range u.detail.steps.kinds {
		if k == accounts.TrackRealNameUnbind {
			u.detail.steps.tracks.Open(i)
		}
	}
	field := u.detail.steps.tickets[accounts.TrackRealNameUnbind]
	if field == nil {
		t.Fatal("no ticket field in the real-name track")
	}
	abs := func() fyne.Position { return fyne.CurrentApp().Driver().AbsolutePositionForObject(field) }
	u.detail.steps.scroll.ScrollToOffset(fyne.NewPos(0, abs().Y-300)) // the field in the middle of the window
	pos := abs().Add(fyne.NewPos(10, 10))
	if s := u.win.Canvas().Size(); pos.Y >= s.Height {
		t.Fatalf("the ticket field at %v is below the window (%v)", pos, s)
	}
	before := u.detail.steps.scroll.Offset.Y
	test.Scroll(u.win.Canvas(), pos, 0, 30) // wheel up: back towards the top
	if got := u.detail.steps.scroll.Offset.Y; got >= before {
		t.Errorf("wheel over the ticket field: offset %v, was %v: the field took the wheel", got, before)
	}
}
