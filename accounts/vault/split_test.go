package vault

import (
	"strings"
	"testing"
)

// FuzzSplitJoin: any value, of any bytes, splits into parts no larger than
// the keyring limit and joins back to itself, in a bounded number of parts.
func FuzzSplitJoin(f *testing.F) {
	f.Add(strings.Repeat("\x80", 3*chunkBytes)) // continuation bytes only: looped for ever before
	f.Add(strings.Repeat("密", chunkBytes))
	f.Add("")
	f.Add("short")
	f.Fuzz(func(t *testing.T, value string) {
		for _, size := range []int{1, 3, chunkBytes} {
			parts := split(value, size)
			if len(parts) > len(value)/size+1 {
				t.Fatalf("size %d: %d parts for %d bytes", size, len(parts), len(value))
			}
			for _, p := range parts {
				if len(p) > size {
					t.Fatalf("size %d: a part of %d bytes", size, len(p))
				}
			}
			if got := strings.Join(parts, ""); got != value {
				t.Fatalf("size %d: join differs", size)
			}
		}
	})
}

// TestSplitContinuationBytes is the shape that hung: a long run of UTF-8
// continuation bytes, stored and read back through the vault.
func TestSplitContinuationBytes(t *testing.T) {
	v := New(Options{Backend: newMem()})
	value := strings.Repeat("\xbf", 3*chunkBytes+7)
	if err := v.Set("acc", "password", value); err != nil {
		t.Fatal(err)
	}
	got, err := v.Get("acc", "password")
	if err != nil || got != value {
		t.Fatalf("round trip: %v, equal %v", err, got == value)
	}
}
