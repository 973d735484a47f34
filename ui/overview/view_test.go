package overview

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
)

// fakeShell records what the overview asked for.
type fakeShell struct{ calls []string }

func (s *fakeShell) PlatformName(id string) string { return strings.ToUpper(id) }
func (s *fakeShell) ShowStatus(st accounts.Status) { s.calls = append(s.calls, "status:"+string(st)) }
func (s *fakeShell) ShowFigure(f campaign.Figure, label string) {
	s.calls = append(s.calls, "figure:"+string(f)+":"+label)
}
func (s *fakeShell) OpenAccount(id string) { s.calls = append(s.calls, "account:"+id) }

func figures() campaign.Figures {
	until := time.Date(2026, 6, 5, 0, 0, 0, 0, time.UTC)
	jd := campaign.Ref{ID: "jd1", Platform: "jd", Name: "JD"}
	dy := campaign.Ref{ID: "dy1", Platform: "douyin", Name: "Douyin"}
	f := campaign.Figures{Accounts: 2, Platforms: 2, ByStatus: []campaign.StatusCount{
		{Status: accounts.StatusPreparing, Count: 1}, {Status: accounts.StatusCoolingOff, Count: 1}, {Status: accounts.StatusKept}},
		ByGroup:       []campaign.GroupCount{{Group: "jd", PlatformIDs: []string{"jd"}, Count: 1, Open: 1, Accounts: []campaign.Ref{jd}}},
		Blocked:       []campaign.Blocked{{Ref: jd, Why: &accounts.BlockedError{Track: accounts.TrackAccountDelete, Zh: "有欠款", En: "debts open"}}},
		CoolingOff:    []campaign.Cooling{{Ref: dy, Track: accounts.TrackAccountDelete, Until: &until}},
		Deadlines:     []campaign.Deadline{{Ref: jd, Kind: accounts.ReminderCustom, Title: "call", Due: until.Add(-48 * time.Hour)}},
		RealNameBound: []campaign.Ref{jd},
	}
	return f
}

func links(w fyne.Window) []*link {
	var out []*link
	for _, o := range test.LaidOutObjects(w.Content()) {
		if l, ok := o.(*link); ok {
			out = append(out, l)
		}
	}
	return out
}

func TestEveryFigureOpensSomething(t *testing.T) {
	test.NewTempApp(t)
	s := &fakeShell{}
	v := New(s)
	v.Set(figures())
	w := test.NewTempWindow(t, v.Content())
	w.Resize(fyne.NewSize(900, 600))
	ls := links(w)
	for _, l := range ls {
		l.Tapped(&fyne.PointEvent{})
	}
	for _, b := range test.LaidOutObjects(w.Content()) {
		if btn, ok := b.(*widget.Button); ok {
			test.Tap(btn)
		}
	}
	got := strings.Join(s.calls, " ")
	for _, want := range []string{"status:preparing", "status:cooling_off", "figure:real_name_bound:Real name still bound",
		"figure:group:jd:JD", "account:jd1", "account:dy1", "figure:blocked:Blocked", "figure:cooling_off:In cooling-off"} {
		if !strings.Contains(got, want) {
			t.Errorf("no figure asked for %s; calls: %s", want, got)
		}
	}
	if strings.Contains(got, "status:kept") || strings.Contains(got, "phone_bound") {
		t.Errorf("an empty figure opens an empty list: %s", got)
	}
}

// TestNothingMovesUnderThePointer: hovering and focusing a figure change
// its colour only.
func TestNothingMovesUnderThePointer(t *testing.T) {
	test.NewTempApp(t)
	v := New(&fakeShell{})
	v.Set(figures())
	w := test.NewTempWindow(t, v.Content())
	w.Resize(fyne.NewSize(900, 600))
	before := map[fyne.CanvasObject][2]fyne.Position{}
	for _, o := range test.LaidOutObjects(w.Content()) {
		before[o] = [2]fyne.Position{o.Position(), fyne.NewPos(o.Size().Width, o.Size().Height)}
	}
	for _, l := range links(w) {
		l.MouseIn(&desktop.MouseEvent{})
		l.FocusGained()
	}
	for _, o := range test.LaidOutObjects(w.Content()) {
		if b, ok := before[o]; ok && b != [2]fyne.Position{o.Position(), fyne.NewPos(o.Size().Width, o.Size().Height)} {
			t.Errorf("%T moved or resized on hover", o)
		}
	}
	if min := v.Content().MinSize(); min.Width > 900 {
		t.Errorf("the overview needs %v wide, more than a 900-wide window", min)
	}
}
