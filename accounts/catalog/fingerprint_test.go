package catalog

import (
	"testing"

	"github.com/unbindapp/unbind/assets"
)

func TestFingerprintFollowsThePlatforms(t *testing.T) {
	a, err := Load(assets.Catalog, "")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Load(assets.Catalog, "")
	if a.Fingerprint() != b.Fingerprint() || a.Fingerprint() == "" {
		t.Fatalf("two loads of one catalog: %q, %q", a.Fingerprint(), b.Fingerprint())
	}
	before := a.Fingerprint()
	a.all[0].Names.En += " (edited)"
	if a.Fingerprint() == before {
		t.Error("an edited platform left the fingerprint as it was")
	}
	var none *Catalog
	if none.Fingerprint() != "" {
		t.Error("a nil catalog has a fingerprint")
	}
}

func BenchmarkFingerprint(b *testing.B) {
	c, _ := Load(assets.Catalog, "")
	for b.Loop() {
		c.Fingerprint()
	}
}
