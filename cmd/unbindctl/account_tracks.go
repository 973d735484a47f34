package main

// Account tracks as the CLI shows and moves them: every catalog track of
// the platform with its state, status changes with their track and
// cooling-off, and checklist ticks.

import (
	"errors"
	"fmt"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// trackDetail is one track of the account's platform, started or not:
// its progress plus what the catalog says about it for this account.
type trackDetail struct {
	accounts.Track
	State           catalog.TrackState `json:"status"`
	Applies         bool               `json:"applies"`
	BlockedBy       []string           `json:"blocked_by"`
	CoolingOffUntil *string            `json:"cooling_off_until"`
}

// trackDetails lists every catalog track of the platform, then any track
// the account has progress on that the catalog does not list.
func trackDetails(a accounts.Account, p catalog.Platform, known bool, progress []accounts.Track) []trackDetail {
	out := []trackDetail{}
	seen := map[accounts.TrackKind]bool{}
	add := func(t accounts.Track, ct catalog.Track, inCatalog bool) {
		d := trackDetail{Track: t, Applies: true, BlockedBy: []string{}, State: catalog.StateNotStarted}
		if inCatalog {
			d.State, d.Applies, d.BlockedBy = ct.StateFor(a, progress), ct.Applies(a), ct.ActiveBlockerIDs(a, progress)
		} else {
			d.State = (catalog.Track{Kind: t.Kind}).StateFor(a, progress)
		}
		if t.CoolingUntil != nil {
			day := workdays.FormatDate(*t.CoolingUntil)
			d.CoolingOffUntil = &day
		}
		if d.Done == nil {
			d.Done = map[string]time.Time{}
		}
		seen[t.Kind] = true
		out = append(out, d)
	}
	if known {
		for _, ct := range p.Tracks {
			t := accounts.FindTrack(progress, ct.Kind)
			t.AccountID = a.ID
			add(t, ct, true)
		}
	}
	for _, t := range progress {
		if !seen[t.Kind] {
			add(t, catalog.Track{}, false)
		}
	}
	return out
}

func accountSetStatus(e *env, args []string) error {
	fs := newFlags("account set-status")
	var c accounts.StatusChange
	var track, until string
	fs.StringVar(&c.Note, "note", "", "why")
	fs.StringVar(&c.Evidence, "evidence", "", "ticket or application number")
	fs.StringVar(&track, "track", "", "the track this is about, e.g. account_delete (default: the platform's main track)")
	fs.StringVar(&until, "until", "", "for cooling_off: its last day, YYYY-MM-DD (China time)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("account set-status", pos, 2, "an account ID and a status"); err != nil {
		return err
	}
	to, err := accounts.ParseStatus(pos[1])
	if err != nil {
		return usagef("%v", err)
	}
	if track != "" {
		if c.Track, err = accounts.ParseTrackKind(track); err != nil {
			return usagef("%v", err)
		}
	}
	svc, a, p, known, err := e.accountOn(pos[0])
	if err != nil {
		return err
	}
	if c.Track == "" && known && movesRequest(to) {
		kind, ok := p.MainTrackKind()
		if !ok {
			return usagef("%s has several tracks and no main one; say which with --track (one of %v)", p.ID, p.Kinds())
		}
		c.Track = kind
	}
	c.At = svc.Now().UTC()
	if to == accounts.StatusCoolingOff {
		end, err := coolingEnd(until, p, c)
		if err != nil {
			return err
		}
		c.CoolingUntil = &end
	} else if until != "" {
		return usagef("--until belongs to cooling_off only")
	}
	_, err = svc.ChangeStatus(e.ctx, a.ID, to, c)
	var be *accounts.BlockedError
	if errors.As(err, &be) && !be.Permanent {
		return fmt.Errorf("%w; if it does not apply to this account, run: unbindctl account tick %s blocker:%s --track %s", err, a.ID, be.Blocker, be.Track)
	}
	return err
}

func accountTick(e *env, args []string) error {
	fs := newFlags("account tick")
	track := fs.String("track", "", "the track of the item (default: the platform's main track)")
	undo := fs.Bool("undo", false, "untick a step ticked by mistake (recorded as a correction in the history)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := wantArgs("account tick", pos, 2, "an account ID and a checklist key (step:N, prereq:ID or blocker:ID)"); err != nil {
		return err
	}
	svc, a, p, _, err := e.accountOn(pos[0])
	if err != nil {
		return err
	}
	var kind accounts.TrackKind
	if *track != "" {
		if kind, err = accounts.ParseTrackKind(*track); err != nil {
			return usagef("%v", err)
		}
	} else {
		var ok bool
		if kind, ok = p.MainTrackKind(); !ok {
			return usagef("say which track the item belongs to with --track")
		}
	}
	_, err = svc.TickStep(e.ctx, a.ID, kind, pos[1], !*undo)
	return err
}

// movesRequest lists the statuses whose dates belong to a track.
func movesRequest(to accounts.Status) bool {
	return to == accounts.StatusSubmitted || to == accounts.StatusUnderReview ||
		to == accounts.StatusCoolingOff || to == accounts.StatusDeactivated
}

// coolingEnd is --until as a China-time day, or the catalog's longest
// period from today.
func coolingEnd(until string, p catalog.Platform, c accounts.StatusChange) (time.Time, error) {
	if until != "" {
		d, err := workdays.ParseDate(until)
		if err != nil {
			return time.Time{}, usagef("--until %q: want a date like 2026-12-31", until)
		}
		return d, nil
	}
	if ct, ok := p.Track(c.Track); ok {
		if end, ok := ct.CoolingOffEnd(c.At); ok {
			return workdays.DateOf(end), nil
		}
	}
	return time.Time{}, usagef("the catalog names no cooling-off period for this track; give its last day with --until YYYY-MM-DD")
}
