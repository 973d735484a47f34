package reminders_test

import (
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
	b.ResetTimer()
	for b.Loop() {
		res, err := f.svc.Sync(f.ctx, f.clock.Now())
		if err != nil || res.Changed != 0 {
			b.Fatalf("steady sync: %+v, %v", res, err)
		}
	}
}
