package workdays

import (
	"testing"
	"time"
)

func TestFingerprintFollowsTheListedDays(t *testing.T) {
	a, err := LoadDefaultCalendar("")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := LoadDefaultCalendar("")
	if a.Fingerprint() != b.Fingerprint() || len(a.Fingerprint()) != 24 {
		t.Fatalf("two loads of one calendar: %s, %s", a.Fingerprint(), b.Fingerprint())
	}
	before := a.Fingerprint()
	k := keyOf(time.Date(2031, 5, 2, 0, 0, 0, 0, time.UTC))
	a.days[k] = listedDay{off: true, name: "劳动节"}
	if a.Fingerprint() == before {
		t.Error("a new holiday left the fingerprint as it was")
	}
	a.days[k] = listedDay{off: false, name: "劳动节"}
	if a.Fingerprint() == before {
		t.Error("a make-up day left the fingerprint as it was")
	}
}
