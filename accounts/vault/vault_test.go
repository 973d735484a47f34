package vault

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/zalando/go-keyring"
)

// memBackend is an in-memory keyring that enforces Windows' 2560-byte cap,
// so the splitting is tested against the strictest platform everywhere.
type memBackend struct {
	mu      sync.Mutex
	entries map[string]string
	largest int
}

func newMem() *memBackend { return &memBackend{entries: map[string]string{}} }

func (m *memBackend) Set(s, u, v string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(v) > 2560 {
		return keyring.ErrSetDataTooBig
	}
	m.largest = max(m.largest, len(v))
	m.entries[s+"|"+u] = v
	return nil
}

func (m *memBackend) Get(s, u string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.entries[s+"|"+u]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (m *memBackend) Delete(s, u string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.entries[s+"|"+u]; !ok {
		return keyring.ErrNotFound
	}
	delete(m.entries, s+"|"+u)
	return nil
}

func TestLongValuesAreSplitUnderTheWindowsCap(t *testing.T) {
	mem := newMem()
	v := New(Options{Backend: mem})
	long := strings.Repeat("恢复码-ABCD-1234;", 700) // ~13 KB of multi-byte text
	if err := v.Set("acc", accounts.SecretRecoveryCodes, long); err != nil {
		t.Fatal(err)
	}
	if mem.largest > 2560 {
		t.Errorf("an entry of %d bytes exceeds Windows' 2560-byte cap", mem.largest)
	}
	if len(mem.entries) < 2 {
		t.Fatalf("a %d-byte value should be split, got %d entries", len(long), len(mem.entries))
	}
	got, err := v.Get("acc", accounts.SecretRecoveryCodes)
	if err != nil || got != long {
		t.Fatalf("round trip failed: %v (len %d vs %d)", err, len(got), len(long))
	}
	// Overwriting with a short value leaves no parts behind.
	if err := v.Set("acc", accounts.SecretRecoveryCodes, "short"); err != nil {
		t.Fatal(err)
	}
	if len(mem.entries) != 1 {
		t.Errorf("stale parts left: %d entries", len(mem.entries))
	}
	if err := v.Set("acc", accounts.SecretRecoveryCodes, long); err != nil {
		t.Fatal(err)
	}
	if err := v.Delete("acc", accounts.SecretRecoveryCodes); err != nil {
		t.Fatal(err)
	}
	if len(mem.entries) != 0 {
		t.Errorf("delete left %d entries", len(mem.entries))
	}
	if _, err := v.Get("acc", accounts.SecretRecoveryCodes); !errors.Is(err, ErrNotFound) || !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("want not found after delete, got %v", err)
	}
}

func TestTooLongAndDamaged(t *testing.T) {
	mem := newMem()
	v := New(Options{Backend: mem})
	err := v.Set("acc", accounts.SecretNote, strings.Repeat("x", MaxValueBytes+1))
	if !errors.Is(err, ErrTooLong) {
		t.Errorf("want ErrTooLong, got %v", err)
	}
	if len(mem.entries) != 0 {
		t.Error("a refused value must write nothing")
	}
	v.Set("acc", accounts.SecretNote, strings.Repeat("y", 5000))
	delete(mem.entries, Service+"|acc/secret_note#2")
	if _, err := v.Get("acc", accounts.SecretNote); !errors.Is(err, ErrDamaged) {
		t.Errorf("missing part: want ErrDamaged, got %v", err)
	}
	// A value that merely looks like a manifest is stored split, so it reads back as itself.
	tricky := manifestTag + "1:" + strings.Repeat("0", 64)
	if err := v.Set("acc", accounts.SecretPassword, tricky); err != nil {
		t.Fatal(err)
	}
	if got, err := v.Get("acc", accounts.SecretPassword); err != nil || got != tricky {
		t.Errorf("manifest-like value: got %q, %v", got, err)
	}
}

// hangBackend never answers, like a locked Secret Service waiting for a prompt.
type hangBackend struct{ release chan struct{} }

func (h hangBackend) Set(string, string, string) error   { <-h.release; return nil }
func (h hangBackend) Get(string, string) (string, error) { <-h.release; return "", nil }
func (h hangBackend) Delete(string, string) error        { <-h.release; return nil }

func TestHangingKeyringTimesOut(t *testing.T) {
	h := hangBackend{release: make(chan struct{})}
	defer close(h.release)
	v := New(Options{Backend: h, Timeout: 200 * time.Millisecond})
	start := time.Now()
	_, err := v.Get("acc", accounts.SecretPassword)
	if !errors.Is(err, ErrTimeout) || !errors.Is(err, ErrUnavailable) {
		t.Fatalf("want a timeout, got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("timed out after %v, want about 200ms", d)
	}
	if !strings.Contains(err.Error(), "unlock") {
		t.Errorf("the message should say what to do: %v", err)
	}
	// Set's first keyring call times out too: it says so, with the limit.
	v2 := New(Options{Backend: h, Timeout: 100 * time.Millisecond})
	if err := v2.Set("acc", accounts.SecretPassword, "x"); !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "no answer within 100ms") {
		t.Errorf("Set on a silent keyring: %v", err)
	}
	// While the first call hangs, the next fails at once.
	start = time.Now()
	if err := v.Set("acc", accounts.SecretPassword, "x"); !errors.Is(err, ErrTimeout) || time.Since(start) > 100*time.Millisecond {
		t.Errorf("second call: %v after %v", err, time.Since(start))
	}
}

func TestUnavailableIsNotNotFound(t *testing.T) {
	fail := failBackend{fmt.Errorf("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'")}
	v := New(Options{Backend: fail})
	_, err := v.Get("acc", accounts.SecretPassword)
	if errors.Is(err, ErrNotFound) || !errors.Is(err, ErrUnavailable) {
		t.Fatalf("want unavailable, not not-found: %v", err)
	}
	if err := v.Check(); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Check should report unavailable: %v", err)
	}
	if New(Options{Backend: newMem()}).Check() != nil {
		t.Error("Check on a working keyring should be nil")
	}
}

type failBackend struct{ err error }

func (f failBackend) Set(string, string, string) error   { return f.err }
func (f failBackend) Get(string, string) (string, error) { return "", f.err }
func (f failBackend) Delete(string, string) error        { return f.err }
