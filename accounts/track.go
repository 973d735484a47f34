package accounts

import (
	"fmt"
	"time"
)

// TrackKind is one kind of deactivation work. The catalog describes each
// platform's tracks with these kinds; accounts record progress per kind.
type TrackKind string

// The track kinds.
const (
	TrackRealNameUnbind   TrackKind = "real_name_unbind"
	TrackPhoneUnbind      TrackKind = "phone_unbind"
	TrackAccountDelete    TrackKind = "account_delete"
	TrackShopClose        TrackKind = "shop_close"
	TrackMembershipCancel TrackKind = "membership_cancel"
	TrackThirdPartyUnbind TrackKind = "third_party_unbind"
)

// TrackKinds lists every kind in the order they are usually worked through:
// detach what can be detached, close shops and memberships, then delete.
var TrackKinds = []TrackKind{
	TrackThirdPartyUnbind, TrackMembershipCancel, TrackShopClose,
	TrackRealNameUnbind, TrackPhoneUnbind, TrackAccountDelete,
}

// Valid reports whether k is a known track kind.
func (k TrackKind) Valid() bool {
	for _, known := range TrackKinds {
		if k == known {
			return true
		}
	}
	return false
}

// ParseTrackKind turns user input into a TrackKind.
func ParseTrackKind(text string) (TrackKind, error) {
	k := TrackKind(normaliseKey(text))
	if !k.Valid() {
		return "", fmt.Errorf("unknown track %q (one of: %v): %w", text, TrackKinds, ErrInvalid)
	}
	return k, nil
}

// StepKey names the catalog's n-th step (from 0) as a checklist item of a
// track; PrereqKey names a prerequisite.
func StepKey(n int) string { return fmt.Sprintf("step:%d", n) }

// PrereqKey is the checklist key of a catalog prerequisite.
func PrereqKey(id string) string { return "prereq:" + id }

// Track is an account's progress on one deactivation track.
type Track struct {
	AccountID   string               `json:"-"`
	Kind        TrackKind            `json:"kind"`
	Done        map[string]time.Time `json:"done,omitempty"` // checklist key → when ticked
	Ticket      string               `json:"ticket,omitempty"`
	Note        string               `json:"note,omitempty"`
	SubmittedAt *time.Time           `json:"submitted_at,omitempty"`
	CompletedAt *time.Time           `json:"completed_at,omitempty"`
	// CoolingStartedAt and CoolingUntil are set while the track's request
	// is in a cooling-off: CoolingUntil is the last day (China time) on
	// which signing in can still cancel it.
	CoolingStartedAt *time.Time `json:"cooling_started_at,omitempty"`
	CoolingUntil     *time.Time `json:"cooling_until,omitempty"`
}

// BlockerKey is the checklist key a person ticks to say a catalog blocker
// does not (or no longer) apply to the account.
func BlockerKey(id string) string { return "blocker:" + id }

// IsDone reports whether the checklist item key is ticked.
func (t Track) IsDone(key string) bool {
	_, ok := t.Done[key]
	return ok
}
