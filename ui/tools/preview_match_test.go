package tools

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
)

// TestImportPreviewMatchesDeletedAccounts: rows that match an account in
// Unbind, deleted ones too, say so with the day, offer merge / add anyway
// / skip, and the choice is what gets imported.
func TestImportPreviewMatchesDeletedAccounts(t *testing.T) {
	tools, win := newToolsEnv(t, nil)
	svc := tools.service()
	deleted := time.Date(2026, 10, 8, 3, 0, 0, 0, time.UTC)
	jd, err := svc.Add(ctxBackground(), accounts.Account{PlatformID: "jd", Name: "京东", Login: "138-1234-5678", Status: accounts.StatusActive})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []accounts.Status{accounts.StatusPreparing, accounts.StatusSubmitted, accounts.StatusDeactivated} {
		if _, err := svc.ChangeStatus(ctxBackground(), jd.ID, s, accounts.StatusChange{Track: accounts.TrackAccountDelete, At: deleted}); err != nil {
			t.Fatal(err)
		}
	}
	pdd, err := svc.Add(ctxBackground(), accounts.Account{PlatformID: "pinduoduo", Name: "拼多多", Login: "pdd_old", Phone: "13812345678", Status: accounts.StatusActive})
	if err != nil {
		t.Fatal(err)
	}

	w := ShowImportWizard(win, tools, nil)
	openSample(t, w, "chrome.csv")
	p := w.preview
	header := strings.Join(labelTexts(p.content), "|")
	for _, h := range []string{"Platform", "Name", "Login", "Password", "In Unbind", "What to do"} {
		if !strings.Contains(header, h) {
			t.Errorf("no column header %q in %s", h, header)
		}
	}
	row := func(platform string) (int, fyne.CanvasObject) {
		for id, i := range p.shown {
			if p.props[i].PlatformID == platform {
				o := newImportRow()
				p.fillRow(id, o)
				return i, o
			}
		}
		t.Fatalf("no row for %s", platform)
		return 0, nil
	}
	cells := func(o fyne.CanvasObject) (string, *widget.Select, *widget.Check) {
		objs := o.(*fyne.Container).Objects
		return objs[5].(*widget.Label).Text, objs[6].(*widget.Select), objs[0].(*widget.Check)
	}
	ji, jo := row("jd")
	text, sel, check := cells(jo)
	if text != "already in Unbind (deleted on Thu 2026-10-08)" || sel.Hidden || !check.Hidden || sel.Selected != "Skip" || p.chosen[ji] {
		t.Errorf("deleted JD row: %q, select %q (hidden %v), check hidden %v", text, sel.Selected, sel.Hidden, check.Hidden)
	}
	_, po := row("pinduoduo")
	if text, sel, _ := cells(po); text != "already in Unbind (same phone)" || sel.Selected != "Merge" {
		t.Errorf("PDD row: %q, %q", text, sel.Selected)
	}
	_, to := row("taobao")
	if text, sel, check := cells(to); text != "" || !sel.Hidden || check.Hidden || !check.Checked {
		t.Errorf("new Taobao row: %q, select hidden %v, check %v", text, sel.Hidden, check.Checked)
	}
	before := len(p.selected())
	sel.SetSelected("Add anyway") // the person opened a new JD account with the same number
	if len(p.selected()) != before+1 || !p.chosen[ji] {
		t.Fatalf("add anyway: %d selected, was %d", len(p.selected()), before)
	}
	p.importBtn.OnTapped()
	w.jobs.wait()
	if !strings.HasPrefix(w.summary.text(), "Imported: 4 added") {
		t.Fatalf("summary: %q", w.summary.text())
	}
	stored := toolAccounts(t, tools)
	var jds, pdds int
	for _, a := range stored {
		switch a.PlatformID {
		case "jd":
			jds++
			if a.ID == jd.ID && a.Status != accounts.StatusDeactivated {
				t.Errorf("the deleted JD account came back: %+v", a)
			}
		case "pinduoduo":
			pdds++
		}
	}
	if jds != 2 || pdds != 1 || len(stored) != 6 {
		t.Errorf("stored %d accounts: %d JD, %d PDD (PDD %s merged by phone)", len(stored), jds, pdds, pdd.ID)
	}
}

// labelTexts are the texts of every label under o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, l := range findAll[*widget.Label](o) {
		out = append(out, l.Text)
	}
	return out
}

func findAll[T fyne.CanvasObject](root fyne.CanvasObject) []T {
	var out []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if x, ok := o.(T); ok {
			out = append(out, x)
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k)
			}
		}
	}
	walk(root)
	return out
}
