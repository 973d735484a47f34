package backup

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzReadBackup feeds arbitrary bytes to the backup reader: no panic;
// every error is a one-line *Error starting with "backup file:" that
// wraps a sentinel and names a line inside the file; whatever it accepts
// is valid and survives a write and a second read unchanged. Seeds: the
// sample backup plus the committed corpus in testdata/fuzz/FuzzReadBackup.
func FuzzReadBackup(f *testing.F) {
	sample, err := os.ReadFile(filepath.Join("testdata", "backup.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte(`{"schema":"unbind.inventory/v1","accounts":[],"events":null}`))
	// The hostile history shapes the validator refuses: an unknown kind,
	// an impossible status pair, an account not in the backup, a date in
	// year 1.
	f.Add([]byte(`{"schema":"unbind.inventory/v1","accounts":[],"events":[{"account_id":"x","label":"x","at":"2026-01-01T00:00:00Z","kind":"wiped"}]}`))
	f.Add([]byte(`{"schema":"unbind.inventory/v1","accounts":[],"events":[{"account_id":"x","label":"x","at":"2026-01-01T00:00:00Z","kind":"status","from":"active","to":"deactivated"}]}`))
	f.Add([]byte(`{"schema":"unbind.inventory/v1","accounts":[],"events":[{"account_id":"x","label":"x","at":"0001-01-01T00:00:00Z","kind":"deleted"}]}`))
	// A backup with evidence files (a screenshot on two tracks, a chat),
	// and that one with the content of one cut short.
	st := openStore(f)
	withEvidence(f, st)
	inv, err := st.ExportInventoryWith(bg, time.Now(), true)
	if err != nil {
		f.Fatal(err)
	}
	withFiles, _ := json.Marshal(inv)
	f.Add(withFiles)
	inv.EvidenceBlobs[0].Content = inv.EvidenceBlobs[0].Content[:10]
	cut, _ := json.Marshal(inv)
	f.Add(cut)
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := Read(bytes.NewReader(data))
		if err != nil {
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("not a BackupError: %v", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "backup file: ") || strings.ContainsAny(msg, "\r\n") {
				t.Fatalf("bad message %q", msg)
			}
			if !errors.Is(err, ErrNotBackup) && !errors.Is(err, ErrVersion) && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("no sentinel: %v", err)
			}
			if be.Line < 0 || be.Line > bytes.Count(data, []byte("\n"))+1 {
				t.Fatalf("line %d outside the file: %v", be.Line, err)
			}
			return
		}
		if err := validateInventory(&inv, time.Now()); err != nil {
			t.Fatalf("accepted an invalid inventory: %v", err)
		}
		path := filepath.Join(t.TempDir(), "b.json")
		if err := WriteFile(path, inv, false); err != nil {
			t.Fatalf("cannot write back what was read: %v", err)
		}
		again, err := ReadFile(path)
		if err != nil {
			t.Fatalf("cannot read back what was written: %v", err)
		}
		if normaliseInv(again) != normaliseInv(inv) {
			t.Fatalf("round trip changed the inventory")
		}
	})
}
