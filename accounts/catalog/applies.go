package catalog

import (
	"net/url"
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

// Applies reports whether the track is for this account: it names no
// flags, or the account has one of them. The detail pane, next step,
// reminders and report all ask this, and list the others as "not for this
// account".
func (t Track) Applies(a accounts.Account) bool {
	if len(t.AppliesTo) == 0 {
		return true
	}
	for _, f := range t.AppliesTo {
		if f.Of(a) {
			return true
		}
	}
	return false
}

// MissingFlag is the first flag the track names, for "not for this
// account (not a seller)"; "" when the track applies to everyone.
func (t Track) MissingFlag() Flag {
	if len(t.AppliesTo) == 0 {
		return ""
	}
	return t.AppliesTo[0]
}

// BlockerState is a blocker as it stands for one account.
type BlockerState struct {
	Blocker
	// Active: the blocker stops the track now.
	Active bool
	// Confirmable: the person can say it does not (or no longer) apply,
	// by ticking accounts.BlockerKey(ID).
	Confirmable bool
}

// BlockersFor returns the track's blockers that concern the account (those
// whose flag it has, and those without a flag), each with its state.
// progress is the account's own tracks on this platform.
func (t Track) BlockersFor(a accounts.Account, progress []accounts.Track) []BlockerState {
	own := accounts.FindTrack(progress, t.Kind)
	var out []BlockerState
	for _, b := range t.Blockers {
		if b.If != "" && !b.If.Of(a) {
			continue
		}
		st := BlockerState{Blocker: b, Active: true}
		// A flag the person set decides a permanent blocker; any other can
		// be confirmed away, since only the person knows their history.
		st.Confirmable = !(b.Permanent && b.If != "")
		switch {
		case st.Confirmable && own.IsDone(accounts.BlockerKey(b.ID)):
			st.Active = false
		case b.Requires != nil && b.Requires.Platform == "" && !b.Permanent:
			if req := accounts.FindTrack(progress, b.Requires.Track); req.CompletedAt != nil {
				st.Active = false
			}
		}
		out = append(out, st)
	}
	return out
}

// Blocked returns the first active blocker of the track for the account,
// or a *accounts.BlockedError for a track the platform does not offer;
// nil when the track can go on.
func (t Track) Blocked(a accounts.Account, progress []accounts.Track) error {
	if !t.NotPossible.IsZero() {
		return &accounts.BlockedError{Track: t.Kind, NotPossible: true, Permanent: true, Zh: t.NotPossible.Zh, En: t.NotPossible.En}
	}
	for _, b := range t.BlockersFor(a, progress) {
		if b.Active {
			return &accounts.BlockedError{Track: t.Kind, Blocker: b.ID, Permanent: b.Permanent, Zh: b.When.Zh, En: b.When.En}
		}
	}
	return nil
}

// Guard refuses status changes that a catalog blocker forbids; it is the
// accounts.TrackGuard the binaries give their Service.
type Guard struct{ Catalog *Catalog }

var _ accounts.TrackGuard = Guard{}

// CheckTrack implements accounts.TrackGuard. Accounts of platforms or
// tracks the catalog does not know are not checked; a change about the
// whole account (no kind) is about the platform's main track.
func (g Guard) CheckTrack(a accounts.Account, progress []accounts.Track, kind accounts.TrackKind, _ accounts.Status) error {
	if g.Catalog == nil {
		return nil
	}
	p, ok := g.Catalog.Platform(a.PlatformID)
	if !ok {
		return nil
	}
	if kind == "" {
		if kind, ok = p.MainTrackKind(); !ok {
			return nil
		}
	}
	t, ok := p.Track(kind)
	if !ok {
		return nil
	}
	return t.Blocked(a, progress)
}

// SiteOf is the site of a source URL: its host without "www.", or "" when
// u has none (a seed's file name).
func SiteOf(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// TrackState is where one catalog track stands for one account.
type TrackState string

// The track states.
const (
	StateNotStarted  TrackState = "not_started"
	StateInProgress  TrackState = "in_progress"  // items ticked
	StateBlocked     TrackState = "blocked"      // an active blocker stops it
	StateSubmitted   TrackState = "submitted"    // with the platform
	StateCoolingOff  TrackState = "cooling_off"  // accepted, in its cooling-off
	StateDone        TrackState = "done"         // completed
	StateNotPossible TrackState = "not_possible" // the platform does not offer it
)

// StateFor is the one rule for a track's state on an account, used by the
// CLI's JSON, the detail pane and the report.
func (t Track) StateFor(a accounts.Account, progress []accounts.Track) TrackState {
	own := accounts.FindTrack(progress, t.Kind)
	switch {
	case !t.NotPossible.IsZero():
		return StateNotPossible
	case own.CompletedAt != nil:
		return StateDone
	case own.CoolingStartedAt != nil:
		return StateCoolingOff
	case own.SubmittedAt != nil:
		return StateSubmitted
	case t.Blocked(a, progress) != nil:
		return StateBlocked
	case len(own.Done) > 0:
		return StateInProgress
	}
	return StateNotStarted
}

// ActiveBlockerIDs lists the IDs of the track's blockers in force for
// the account (empty when it is free).
func (t Track) ActiveBlockerIDs(a accounts.Account, progress []accounts.Track) []string {
	ids := []string{}
	for _, b := range t.BlockersFor(a, progress) {
		if b.Active {
			ids = append(ids, b.ID)
		}
	}
	return ids
}
