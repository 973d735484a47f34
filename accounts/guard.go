package accounts

import (
	"errors"
	"fmt"
)

// ErrBlocked is wrapped by every *BlockedError.
var ErrBlocked = errors.New("track blocked")

// TrackGuard is the catalog's word on whether a track may move on; Service
// asks it before a status change about a track takes the request further
// (submitted, under review, cooling-off). Recording that the platform
// deleted the account is never refused: it is a fact the person reports.
// The opener wires it to the catalog; a nil guard allows everything.
// kind is "" for a change about the whole account.
type TrackGuard interface {
	CheckTrack(a Account, tracks []Track, kind TrackKind, to Status) error
}

// BlockedError says why a track cannot go on: a catalog blocker (ID and
// its text in both languages), or that the platform does not offer the
// track at all (NotPossible).
type BlockedError struct {
	Track       TrackKind
	Blocker     string // the blocker's ID; empty when NotPossible
	NotPossible bool
	Permanent   bool
	Zh, En      string // why, in the catalog's words
}

func (e *BlockedError) Error() string {
	if e.NotPossible {
		return fmt.Sprintf("track %s is not offered by the platform: %s", e.Track, e.En)
	}
	return fmt.Sprintf("track %s is blocked (%s): %s", e.Track, e.Blocker, e.En)
}

// Is makes errors.Is(err, ErrBlocked) true.
func (e *BlockedError) Is(target error) bool { return target == ErrBlocked }

// takesFurther lists the statuses that move a request forward; only these
// are checked against blockers, so withdrawing, or recording the outcome,
// is never refused.
func takesFurther(to Status) bool {
	return to == StatusSubmitted || to == StatusUnderReview || to == StatusCoolingOff
}
