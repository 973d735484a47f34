package inventory

import (
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
)

// NextKind says which sentence describes an account's next action.
type NextKind int

// The next actions.
const (
	NextNoSteps      NextKind = iota // the catalog has no tracks for this platform
	NextStart                        // active: begin with Item of Track
	NextPrerequisite                 // preparing: Item must be done before the steps
	NextStep                         // preparing: Item is the next step
	NextSubmit                       // preparing: everything is ticked, submit
	NextWait                         // submitted or under review: wait for the answer
	NextCoolingOff                   // in a cooling-off: do not sign in until it ends
	NextResubmit                     // rejected: fix and submit again
	NextCheck                        // deactivated: check it is really gone
	NextBackup                       // kept: back up now and then
)

// Next is an account's next action, for the one sentence in its header.
type Next struct {
	Kind  NextKind
	Track accounts.TrackKind
	Item  catalog.Text // the prerequisite or step to do, when there is one
}

// NextAction works out what to do next on an account from its status, its
// progress and the platform's tracks. It describes; it decides nothing.
func NextAction(a accounts.Account, tracks []accounts.Track, p catalog.Platform) Next {
	switch {
	case a.Status.WaitingForPlatform():
		return Next{Kind: NextWait, Track: lastSubmitted(tracks)}
	case a.Status == accounts.StatusCoolingOff:
		return Next{Kind: NextCoolingOff, Track: lastSubmitted(tracks)}
	}
	switch a.Status {
	case accounts.StatusRejected:
		return Next{Kind: NextResubmit, Track: lastSubmitted(tracks)}
	case accounts.StatusDeactivated:
		return Next{Kind: NextCheck}
	case accounts.StatusKept:
		return Next{Kind: NextBackup}
	}
	t, ok := CurrentTrack(a, tracks, p)
	if !ok {
		return Next{Kind: NextNoSteps}
	}
	progress := find(tracks, t.Kind)
	kind := NextPrerequisite
	if a.Status == accounts.StatusActive {
		kind = NextStart
	}
	for _, pre := range t.Prerequisites {
		if !progress.IsDone(accounts.PrereqKey(pre.ID)) {
			return Next{Kind: kind, Track: t.Kind, Item: pre.Text}
		}
	}
	if kind == NextPrerequisite {
		kind = NextStep
	}
	for i, s := range t.Steps {
		if !progress.IsDone(accounts.StepKey(i)) {
			return Next{Kind: kind, Track: t.Kind, Item: s.Text}
		}
	}
	return Next{Kind: NextSubmit, Track: t.Kind}
}

// CurrentTrack picks the catalog track the person is working on: the
// unfinished one ticked most recently, else account deletion when the
// platform has it, else the first unfinished track. Tracks that are not for
// this account, or that the platform does not offer, are picked only once
// the person has ticked something on them.
func CurrentTrack(a accounts.Account, tracks []accounts.Track, p catalog.Platform) (catalog.Track, bool) {
	var best catalog.Track
	var bestAt time.Time
	open := func(ct catalog.Track) bool {
		return find(tracks, ct.Kind).CompletedAt == nil && ct.Applies(a) && ct.NotPossible.IsZero()
	}
	for _, ct := range p.Tracks {
		progress := find(tracks, ct.Kind)
		if progress.CompletedAt != nil {
			continue
		}
		for _, at := range progress.Done {
			if at.After(bestAt) {
				best, bestAt = ct, at
			}
		}
	}
	if !bestAt.IsZero() {
		return best, true
	}
	if t, ok := p.Track(accounts.TrackAccountDelete); ok && open(t) {
		return t, true
	}
	for _, ct := range p.Tracks {
		if open(ct) {
			return ct, true
		}
	}
	return catalog.Track{}, false
}

// Review is a review window that is running: submitted, not completed,
// and the catalog knows how long the platform takes.
type Review struct {
	Track       accounts.TrackKind
	SubmittedAt time.Time
	Workdays    catalog.Workdays
}

// RunningReviews lists the account's running review windows.
func RunningReviews(a accounts.Account, tracks []accounts.Track, p catalog.Platform) []Review {
	if !a.Status.WaitingForPlatform() {
		return nil
	}
	var out []Review
	for _, t := range tracks {
		if t.SubmittedAt == nil || t.CompletedAt != nil {
			continue
		}
		ct, ok := p.Track(t.Kind)
		if !ok || ct.ReviewWorkdays == nil || ct.ReviewWorkdays.Max <= 0 {
			continue
		}
		out = append(out, Review{Track: t.Kind, SubmittedAt: *t.SubmittedAt, Workdays: *ct.ReviewWorkdays})
	}
	return out
}

func lastSubmitted(tracks []accounts.Track) accounts.TrackKind {
	var kind accounts.TrackKind
	var at time.Time
	for _, t := range tracks {
		if t.SubmittedAt != nil && t.SubmittedAt.After(at) {
			kind, at = t.Kind, *t.SubmittedAt
		}
	}
	return kind
}

func find(tracks []accounts.Track, kind accounts.TrackKind) accounts.Track {
	return accounts.FindTrack(tracks, kind)
}

// Progress returns the account's progress on one track (empty if none).
func Progress(tracks []accounts.Track, kind accounts.TrackKind) accounts.Track {
	return find(tracks, kind)
}
