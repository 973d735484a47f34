package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"testing"
)

// FuzzAdd feeds arbitrary content to Add: it is either refused with one of
// the sentinels, leaving nothing behind, or stored once under its true
// SHA-256 with an accepted type, and reads back intact.
func FuzzAdd(f *testing.F) {
	f.Add(pngBytes)
	f.Add([]byte("%PDF-1.7\n1 0 obj"))
	f.Add([]byte("客服：已受理"))
	f.Add([]byte("<html><script>"))
	f.Add([]byte{0xff, 0xfe, 'h', 0})
	f.Add([]byte{})
	// One folder for every input (a fresh one each would time the file
	// system, not Add): stored content is deduplicated across inputs.
	d := New(f.TempDir())
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := d.Add(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrType) && !errors.Is(err, ErrEmpty) {
				t.Fatalf("refused without a sentinel: %v", err)
			}
			if left, _ := filepath.Glob(filepath.Join(d.Path, ".add-*")); len(left) != 0 {
				t.Fatalf("a refusal left %v", left)
			}
			return
		}
		sum := sha256.Sum256(data)
		if b.SHA256 != hex.EncodeToString(sum[:]) || b.Size != int64(len(data)) || Sniff(data[:min(512, len(data))]) != b.MediaType {
			t.Fatalf("blob %+v does not describe the content", b)
		}
		back, err := d.Read(b.SHA256, b.MediaType)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("read back: %v", err)
		}
	})
}
