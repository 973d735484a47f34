package backup

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func init() { ScryptWorkFactor = 10 } // seconds per test otherwise

// TestEncryptedBackupRoundTrip: an encrypted backup holds none of the
// inventory's text, opens with its passphrase, refuses a wrong one in one
// line and writes nothing, and a plain reader asks for the passphrase.
func TestEncryptedBackupRoundTrip(t *testing.T) {
	src := openStore(t)
	fillStore(t, src)
	inv, err := src.ExportInventory(bg, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "unbind-backup.age")
	const pass = "correct horse battery"
	if err := WriteFileWith(path, inv, false, "short"); !errors.Is(err, ErrWeakPassphrase) {
		t.Fatalf("a short passphrase: %v", err)
	}
	if err := WriteFileWith(path, inv, false, pass); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, plain := range []string{"13812345678", "tb_alice", "alice@example.com", "淘宝主号", "unbind.inventory"} {
		if bytes.Contains(data, []byte(plain)) {
			t.Errorf("the encrypted file shows %q", plain)
		}
	}
	if _, err := ReadFile(path); !errors.Is(err, ErrEncrypted) {
		t.Errorf("no passphrase: %v", err)
	}
	_, err = ReadFileWith(path, "wrong horse battery")
	if !errors.Is(err, ErrPassphrase) || bytes.ContainsRune([]byte(err.Error()), '\n') {
		t.Errorf("wrong passphrase: %v", err)
	}
	got, err := ReadFileWith(path, pass)
	if err != nil {
		t.Fatal(err)
	}
	if normaliseInv(got) != normaliseInv(inv) {
		t.Error("the encrypted backup does not read back as written")
	}
	// A flipped byte in the sealed data is damage, not a wrong passphrase.
	data[len(data)-10] ^= 1
	bad := filepath.Join(t.TempDir(), "bad.age")
	os.WriteFile(bad, data, 0o600)
	if _, err := ReadFileWith(bad, pass); !errors.Is(err, ErrInvalid) {
		t.Errorf("damaged: %v", err)
	}
}
