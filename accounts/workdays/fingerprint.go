package workdays

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"
)

// Fingerprint is a digest of every listed day (date, off or working, and
// name): two calendars with equal fingerprints count working days alike.
// Something derived with a calendar records it to know when to derive
// again (a holiday file imported, a year added).
func (c *Calendar) Fingerprint() string {
	keys := make([]dayKey, 0, len(c.days))
	for k := range c.days {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	h := sha256.New()
	var b [9]byte
	for _, k := range keys {
		d := c.days[k]
		binary.BigEndian.PutUint64(b[:8], uint64(k))
		b[8] = 0
		if d.off {
			b[8] = 1
		}
		h.Write(b[:])
		h.Write([]byte(d.name))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
