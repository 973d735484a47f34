package report_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/report"
)

// A tick that was undone or corrected reads as such in the report, in
// both languages, so a person handing it on cannot be taken to have done
// a step they took back.
func TestTimelineNamesCorrections(t *testing.T) {
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	a := accounts.Account{ID: "a1", PlatformID: "jd", Name: "JD", Status: accounts.StatusPreparing, CreatedAt: at, UpdatedAt: at}
	ev := func(kind accounts.EventKind, from string, min int) accounts.Event {
		return accounts.Event{AccountID: a.ID, Label: a.Name, At: at.Add(time.Duration(min) * time.Minute), Kind: kind,
			Track: accounts.TrackAccountDelete, From: from, To: accounts.StepKey(0)}
	}
	in := report.Input{Accounts: []accounts.Account{a}, Events: []accounts.Event{
		ev(accounts.EventStep, "", 1), ev(accounts.EventUnstep, "undo", 2),
		ev(accounts.EventStep, "", 3), ev(accounts.EventUnstep, "mistake", 4),
	}}
	for lang, want := range map[string][]string{
		"en": {"Undone right after ticking", "was ticked by mistake"},
		"zh": {"勾选后立即撤销", "误勾选"},
	} {
		r, err := report.Build(context.Background(), in, report.Options{Lang: lang, Now: at.AddDate(0, 0, 1)})
		if err != nil {
			t.Fatal(err)
		}
		var texts []string
		for _, e := range r.Timeline {
			texts = append(texts, e.Text)
		}
		all := strings.Join(texts, "\n")
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%s timeline lacks %q:\n%s", lang, w, all)
			}
		}
	}
}
