package opener

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts/vault"
)

func TestKeyringTimeout(t *testing.T) {
	t.Setenv(KeyringTimeoutEnv, "")
	if got := KeyringTimeout(); got != vault.DefaultTimeout {
		t.Errorf("default %v", got)
	}
	t.Setenv(KeyringTimeoutEnv, "2s")
	if got := KeyringTimeout(); got != 2*time.Second {
		t.Errorf("2s gives %v", got)
	}
	t.Setenv(KeyringTimeoutEnv, "soon")
	if got := KeyringTimeout(); got != vault.DefaultTimeout {
		t.Errorf("a bad value gives %v", got)
	}
}

// A broken holiday file in the data folder: the calendar still loads (the
// built-in years) and the problem comes back as a warning naming the file.
func TestCalendarFallsBack(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "holidays"), 0o700)
	os.WriteFile(filepath.Join(dir, "holidays", "2029.json"), []byte("{"), 0o600)
	cal, warning := Calendar(dir)
	if cal == nil || warning == nil || !strings.Contains(warning.Error(), "2029.json") {
		t.Fatalf("calendar %v, warning %v", cal != nil, warning)
	}
	if cal, warning := Calendar(t.TempDir()); cal == nil || warning != nil {
		t.Errorf("a clean folder: %v %v", cal != nil, warning)
	}
}
