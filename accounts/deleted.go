package accounts

import "time"

// DeletedOn is the day a deactivated account was deleted: its deletion
// track's completion, else the latest completed track, else its last
// change; nil for an account not deactivated or with no date at all. The
// 一证通查 comparison and the import preview both say "deleted on D".
func DeletedOn(a Account, tracks []Track) *time.Time {
	if a.Status != StatusDeactivated {
		return nil
	}
	var best *time.Time
	for _, t := range tracks {
		if t.CompletedAt == nil {
			continue
		}
		if t.Kind == TrackAccountDelete {
			at := *t.CompletedAt
			return &at
		}
		if best == nil || t.CompletedAt.After(*best) {
			at := *t.CompletedAt
			best = &at
		}
	}
	if best == nil && !a.UpdatedAt.IsZero() {
		at := a.UpdatedAt
		best = &at
	}
	return best
}
