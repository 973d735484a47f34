package reminders_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/unbindapp/unbind/accounts/demo"
	"github.com/unbindapp/unbind/accounts/store"
)

// BenchmarkSync10k is the scheduler's per-minute sync over 10,000 accounts
// whose reminders are already in step (the steady state).
func BenchmarkSync10k(b *testing.B) {
	f := openFixture(b, filepath.Join(b.TempDir(), store.FileName), &clock{now: cst(2026, 6, 1, 9, 0)})
	if err := demo.Fill(f.ctx, f.st, demo.Generate(10000)); err != nil {
		b.Fatal(err)
	}
	first, err := f.svc.Sync(f.ctx, f.clock.Now())
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("first sync: %+v", first)
	// The first sync's writes moved the store's mark: the second derives
	// again and finds everything in step; from then on a sync is skipped.
	if second, err := f.svc.Sync(f.ctx, f.clock.Now()); err != nil || second.Changed != 0 {
		b.Fatalf("second sync: %+v, %v", second, err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := f.svc.Sync(f.ctx, f.clock.Now())
		if err != nil || res.Changed != 0 || !res.Skipped {
			b.Fatalf("steady sync: %+v, %v", res, err)
		}
	}
}

// BenchmarkSync10kAfterEdit is the sync after one account of 10,000 was
// renamed: the store's mark moved, so every account is derived again.
func BenchmarkSync10kAfterEdit(b *testing.B) {
	f := openFixture(b, filepath.Join(b.TempDir(), store.FileName), &clock{now: cst(2026, 6, 1, 9, 0)})
	if err := demo.Fill(f.ctx, f.st, demo.Generate(10000)); err != nil {
		b.Fatal(err)
	}
	if _, err := f.svc.Sync(f.ctx, f.clock.Now()); err != nil {
		b.Fatal(err)
	}
	all, err := f.st.Accounts(f.ctx)
	if err != nil {
		b.Fatal(err)
	}
	a := all[0]
	i := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		i++
		a.Name = fmt.Sprintf("renamed %d", i)
		if a, err = f.acc.Update(f.ctx, a); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := f.svc.Sync(f.ctx, f.clock.Now())
		if err != nil || res.Skipped {
			b.Fatalf("sync after an edit: %+v, %v", res, err)
		}
	}
}
