package store

import (
	"context"
	"errors"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

// Unticking never erases the tick: the history gains a step_undone entry
// that says why (undo right after, or a mistake noticed later), and an
// unknown reason is refused before anything is written.
func TestUntickIsARecordedCorrection(t *testing.T) {
	st, svc := openTemp(t)
	ctx := context.Background()
	a, err := svc.Add(ctx, accounts.Account{PlatformID: "jd", Name: "JD"})
	if err != nil {
		t.Fatal(err)
	}
	key := accounts.StepKey(0)
	steps := []func() error{
		func() error { _, err := svc.TickStep(ctx, a.ID, accounts.TrackAccountDelete, key, true); return err },
		func() error {
			_, err := svc.UntickStep(ctx, a.ID, accounts.TrackAccountDelete, key, accounts.CorrectionUndo)
			return err
		},
		func() error { _, err := svc.TickStep(ctx, a.ID, accounts.TrackAccountDelete, key, true); return err },
		func() error { _, err := svc.TickStep(ctx, a.ID, accounts.TrackAccountDelete, key, false); return err },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	if _, err := svc.UntickStep(ctx, a.ID, accounts.TrackAccountDelete, key, "oops"); !errors.Is(err, accounts.ErrInvalid) {
		t.Errorf("an unknown reason: %v, want ErrInvalid", err)
	}
	events, err := st.Events(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		if e.Kind == accounts.EventStep || e.Kind == accounts.EventUnstep {
			got = append(got, string(e.Kind)+"/"+e.From+"/"+e.To)
		}
	}
	want := []string{"step//step:0", "step_undone/undo/step:0", "step//step:0", "step_undone/mistake/step:0"}
	if len(got) != len(want) {
		t.Fatalf("events %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d: %s, want %s", i, got[i], want[i])
		}
	}
}
