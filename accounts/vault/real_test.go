package vault

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// The real-keyring tests run where `make test` sets UNBIND_KEYRING:
//
//	secret-service  inside dbus-run-session with gnome-keyring unlocked;
//	none            inside dbus-run-session with no keyring daemon;
//	hanging         the same, with a D-Bus service that never answers.
//
// Elsewhere they skip, saying how to run them; CI=true makes a skip a failure.
func needKeyring(t *testing.T, mode string) {
	t.Helper()
	if got := os.Getenv("UNBIND_KEYRING"); got != mode {
		if os.Getenv("UNBIND_REQUIRE_KEYRING") == mode {
			t.Fatalf("UNBIND_KEYRING=%q, but this run must cover %q", got, mode)
		}
		t.Skipf("needs UNBIND_KEYRING=%s (make test-keyring sets it up)", mode)
	}
}

func TestRealSecretService(t *testing.T) {
	needKeyring(t, "secret-service")
	v := New(Options{Timeout: 10 * time.Second})
	if err := v.Check(); err != nil {
		t.Fatalf("keyring check: %v", err)
	}
	id := "test-" + time.Now().Format("150405.000000")
	defer v.DeleteAccount(id)
	if err := v.Set(id, accounts.SecretPassword, "密码-Pa55word!"); err != nil {
		t.Fatal(err)
	}
	if got, err := v.Get(id, accounts.SecretPassword); err != nil || got != "密码-Pa55word!" {
		t.Fatalf("got %q, %v", got, err)
	}
	long := strings.Repeat("recovery-code-0123456789;", 400) // 10 KB: split
	if err := v.Set(id, accounts.SecretRecoveryCodes, long); err != nil {
		t.Fatal(err)
	}
	if got, err := v.Get(id, accounts.SecretRecoveryCodes); err != nil || got != long {
		t.Fatalf("long value: len %d, %v", len(got), err)
	}
	if err := v.DeleteAccount(id); err != nil {
		t.Fatal(err)
	}
	for _, f := range []accounts.SecretField{accounts.SecretPassword, accounts.SecretRecoveryCodes} {
		if _, err := v.Get(id, f); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s after DeleteAccount: want not found, got %v", f, err)
		}
	}
	// Parts of the split value are gone too.
	if _, err := v.backend.Get(Service, v.user(id, accounts.SecretRecoveryCodes)+"#2"); err == nil {
		t.Error("a part of the split value survived DeleteAccount")
	}
}

func TestRealNoKeyringDaemon(t *testing.T) {
	needKeyring(t, "none")
	v := New(Options{Timeout: 5 * time.Second})
	start := time.Now()
	_, err := v.Get("acc", accounts.SecretPassword)
	if !errors.Is(err, ErrUnavailable) || errors.Is(err, ErrNotFound) {
		t.Fatalf("want the typed unavailable error, got %v", err)
	}
	if time.Since(start) > 6*time.Second {
		t.Errorf("took %v, more than the timeout", time.Since(start))
	}
	if !strings.Contains(err.Error(), "gnome-keyring") {
		t.Errorf("the message should say what to do: %v", err)
	}
	if err := v.Set("acc", accounts.SecretPassword, "x"); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Set: want unavailable, got %v", err)
	}
}
