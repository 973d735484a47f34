package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// Fingerprint is a digest of every platform as loaded (the person's files
// included): something derived from the catalog records it to know when
// the catalog changed under it. A nil catalog has the empty fingerprint.
func (c *Catalog) Fingerprint() string {
	if c == nil {
		return ""
	}
	h := sha256.New()
	// Platforms are plain data loaded from JSON: encoding them cannot fail.
	json.NewEncoder(h).Encode(c.all)
	return hex.EncodeToString(h.Sum(nil)[:12])
}
