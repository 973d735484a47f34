package reminders

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// Snapshot is every account and its tracks as a caller has just loaded
// them from the store. Counted: WriteCount is the store's write count read
// before them, so a sync from them that changes nothing may stamp it.
type Snapshot struct {
	Accounts   []accounts.Account
	Tracks     map[string][]accounts.Track
	WriteCount int64
	Counted    bool
}

// SyncSnapshot is Sync over accounts the caller has just loaded (the GUI's
// inventory at start), so they are not read a second time. A change made
// in between by another process is picked up by the next Sync.
func (s *Service) SyncSnapshot(ctx context.Context, now time.Time, snap Snapshot) (SyncResult, error) {
	// What changed between the snapshot's load and now is unknown: the
	// next Sync derives everything again, unless the stamp says the store
	// is as a complete Sync (of any process) left it.
	s.forget()
	m := s.readMarks(ctx)
	set, err := s.Settings(ctx)
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	if res, ok := s.skipByStamp(ctx, m, set, now); ok {
		return res, nil
	}
	res, err := s.syncSnapshot(ctx, now, snap, set)
	if err == nil && snap.Counted && res.Changed == 0 {
		s.stamp(ctx, snap.WriteCount, res.Accounts, set, now)
	}
	return res, err
}

func (s *Service) syncSnapshot(ctx context.Context, now time.Time, snap Snapshot, set Settings) (SyncResult, error) {
	// Grouped by account below: the store need not sort them by time.
	stored, err := s.st.Reminders(ctx, store.ReminderFilter{AnyOrder: true})
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	if err := s.loadDeactivations(ctx, snap.Accounts); err != nil {
		return SyncResult{}, fmt.Errorf("sync reminders: %w", err)
	}
	byAccount := groupByAccount(stored)
	res := SyncResult{Accounts: len(snap.Accounts)}
	var errs []error
	for i := range snap.Accounts {
		a := &snap.Accounts[i]
		changed, err := s.syncOne(ctx, *a, snap.Tracks[a.ID], byAccount[a.ID], set, now)
		if err != nil {
			errs = append(errs, err)
		}
		if changed {
			res.Changed++
		}
	}
	if len(errs) > 0 {
		return res, fmt.Errorf("sync reminders: %w", errors.Join(errs...))
	}
	return res, nil
}

// groupByAccount sorts rs by account and returns each account's part of
// it: sub-slices, not a copy per account.
func groupByAccount(rs []accounts.Reminder) map[string][]accounts.Reminder {
	slices.SortStableFunc(rs, func(a, b accounts.Reminder) int { return strings.Compare(a.AccountID, b.AccountID) })
	out := map[string][]accounts.Reminder{}
	for lo := 0; lo < len(rs); {
		hi := lo + 1
		for hi < len(rs) && rs[hi].AccountID == rs[lo].AccountID {
			hi++
		}
		out[rs[lo].AccountID] = rs[lo:hi:hi]
		lo = hi
	}
	return out
}
