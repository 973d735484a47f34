package accounts

import "time"

// FollowStatus is the one rule for how a track's dates follow a status
// change about it: submitting starts its review window, a cooling-off
// records its start and last day, deactivating completes it, and going back
// to preparing or active reopens it. Other statuses leave the dates alone.
// The store saves what this returns; nothing else computes track dates.
func (t Track) FollowStatus(to Status, c StatusChange) Track {
	at := c.At
	switch to {
	case StatusSubmitted:
		t.SubmittedAt, t.CompletedAt = &at, nil
		t.CoolingStartedAt, t.CoolingUntil = nil, nil
		if c.Evidence != "" {
			t.Ticket = c.Evidence
		}
	case StatusCoolingOff:
		if t.SubmittedAt == nil {
			t.SubmittedAt = &at // the platform accepted at once
		}
		t.CompletedAt = nil
		t.CoolingStartedAt = &at
		if c.CoolingUntil != nil {
			until := *c.CoolingUntil
			t.CoolingUntil = &until
		}
	case StatusDeactivated:
		t.CompletedAt = &at
	case StatusPreparing, StatusActive:
		t.SubmittedAt, t.CompletedAt = nil, nil
		t.CoolingStartedAt, t.CoolingUntil = nil, nil
	}
	return t
}

// InCoolingOff reports whether the track's cooling-off is running at now:
// started, not completed, and now not past its last day.
func (t Track) InCoolingOff(now time.Time) bool {
	return t.CoolingStartedAt != nil && t.CompletedAt == nil && t.CoolingUntil != nil &&
		!now.After(t.CoolingUntil.Add(24*time.Hour))
}

// FindTrack returns the progress of kind among tracks, or an empty track
// of that kind when the account has none yet. It is the one place that
// looks a track up by kind.
func FindTrack(tracks []Track, kind TrackKind) Track {
	for _, t := range tracks {
		if t.Kind == kind {
			return t
		}
	}
	return Track{Kind: kind}
}
