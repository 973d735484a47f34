package vault

import (
	"errors"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
)

// TestScopesKeepFoldersApart: two data folders whose accounts share an ID
// (a restored copy) neither read, overwrite nor erase each other's
// secrets.
func TestScopesKeepFoldersApart(t *testing.T) {
	mem := newMem()
	a := New(Options{Backend: mem, Scope: "folder-a"})
	b := New(Options{Backend: mem, Scope: "folder-b"})
	if err := a.Set("acc", accounts.SecretPassword, "A-secret"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Get("acc", accounts.SecretPassword); !errors.Is(err, ErrNotFound) {
		t.Errorf("folder b reads folder a's secret: %v", err)
	}
	if err := b.Set("acc", accounts.SecretPassword, "B-secret"); err != nil {
		t.Fatal(err)
	}
	if err := b.DeleteAccount("acc"); err != nil {
		t.Fatal(err)
	}
	if got, err := a.Get("acc", accounts.SecretPassword); err != nil || got != "A-secret" {
		t.Errorf("folder a after b wrote and deleted: %q %v", got, err)
	}
}

// TestLegacyEntriesMoveUnderTheScope: an entry written before scopes is
// found, moved under the folder's scope on first read, and not left
// behind; nothing is lost.
func TestLegacyEntriesMoveUnderTheScope(t *testing.T) {
	mem := newMem()
	old := New(Options{Backend: mem}) // as before scopes
	long := string(make([]byte, 3*chunkBytes))
	if err := old.Set("acc", accounts.SecretPassword, "old-secret"); err != nil {
		t.Fatal(err)
	}
	if err := old.Set("acc", accounts.SecretRecoveryCodes, long); err != nil {
		t.Fatal(err)
	}
	v := New(Options{Backend: mem, Scope: "folder"})
	for field, want := range map[accounts.SecretField]string{accounts.SecretPassword: "old-secret", accounts.SecretRecoveryCodes: long} {
		if got, err := v.Get("acc", field); err != nil || got != want {
			t.Fatalf("%s: %v (equal %v)", field, err, got == want)
		}
		if _, err := old.Get("acc", field); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: the unscoped entry is still there: %v", field, err)
		}
		if got, err := v.Get("acc", field); err != nil || got != want {
			t.Errorf("%s: second read: %v", field, err)
		}
	}
	for k := range mem.entries {
		if !strings.Contains(k, "|folder/") {
			t.Errorf("an unscoped entry is left: %q", k)
		}
	}
}
