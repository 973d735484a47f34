package demo

import (
	"context"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

func TestWriteDir(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	secrets := &MemorySecrets{}
	now := time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC)
	if err := WriteDir(ctx, dir, Options{Lang: "zh", Secrets: secrets, Now: now}); err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.Accounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 12 {
		t.Fatalf("%d demo accounts, want at least a dozen", len(all))
	}
	seen := map[accounts.Status]bool{}
	withSecret := 0
	for _, a := range all {
		seen[a.Status] = true
		if len(a.SecretFields) > 0 {
			withSecret++
			if _, err := secrets.Get(a.ID, a.SecretFields[0]); err != nil {
				t.Errorf("%s: secret flag without value: %v", a.Name, err)
			}
		}
		if !a.UpdatedAt.After(now.Add(-300*24*time.Hour)) || a.UpdatedAt.After(now) {
			t.Errorf("%s: updated %v, not in the demo's past", a.Name, a.UpdatedAt)
		}
	}
	for _, s := range accounts.Statuses {
		if !seen[s] {
			t.Errorf("no demo account is %s", s)
		}
	}
	if withSecret == 0 {
		t.Error("no demo account has a secret")
	}
	rs, err := st.Reminders(ctx, store.ReminderFilter{OpenOnly: true, DueBy: now})
	if err != nil || len(rs) < 3 {
		t.Errorf("due reminders: %d, %v; want a few", len(rs), err)
	}
	ev, err := st.EventsBetween(ctx, time.Time{}, time.Time{})
	if err != nil || len(ev) < 30 {
		t.Errorf("history: %d events, %v; want a rich timeline", len(ev), err)
	}
}

func TestWriteWithoutSecrets(t *testing.T) {
	if err := WriteDir(context.Background(), t.TempDir(), Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
}

func TestGenerate(t *testing.T) {
	accs := Generate(1000)
	ids := map[string]bool{}
	for _, a := range accs {
		a.Normalise()
		if err := a.Validate(); err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		if ids[a.ID] {
			t.Fatalf("duplicate ID %s", a.ID)
		}
		ids[a.ID] = true
	}
	st, err := store.OpenDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := Fill(context.Background(), st, accs[:50]); err != nil {
		t.Fatal(err)
	}
}
