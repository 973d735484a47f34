package reminders

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// stampName is the reminders' stamp in the store: a complete Sync that
// found nothing to change records the store's write count and what else
// it derived from (inputsOf). While both are the same, a later Sync, in
// this process or the next one, would derive the same and is skipped: a
// start reads two numbers instead of every account and reminder.
const stampName = "reminders"

// fixedInputs is what a Service derives from besides the store that stays
// the same for its life: the rules' build, the catalog and the calendar.
func fixedInputs(build string, cat *catalog.Catalog, cal *workdays.Calendar) string {
	if build == "" {
		build = executableIdentity()
	}
	if build == "" {
		return "" // unknown: never skip on a stamp
	}
	return fmt.Sprintf("build=%s catalog=%s calendar=%s", build, cat.Fingerprint(), cal.Fingerprint())
}

// executableIdentity names the running build by its file: any rebuild or
// upgrade changes its size or time.
func executableIdentity() string {
	path, err := os.Executable()
	if err != nil {
		return ""
	}
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s:%d:%d", path, fi.Size(), fi.ModTime().UnixNano())
}

// inputsOf is everything besides the store that a Sync at now with set
// derives from ("" when the build is unknown). The settings are printed
// whole, so a setting added later counts without a change here.
func (s *Service) inputsOf(set Settings, now time.Time) string {
	fixed := s.fixedInputs()
	if fixed == "" {
		return ""
	}
	e := epochOf(now, set)
	return fmt.Sprintf("%s settings=%+v date=%s after-due=%t", fixed, set, e.date.Format("2006-01-02"), e.afterDue)
}

// marks is what a Sync reads of the store before anything else: the
// in-process ChangeMark (a commit after it moves the next one) and the
// write count (a write after it leaves no stamp).
type marks struct {
	mark     store.ChangeMark
	markErr  error
	count    int64
	countErr error
}

func (s *Service) readMarks(ctx context.Context) marks {
	var m marks
	m.mark, m.markErr = s.st.Changes(ctx)
	m.count, m.countErr = s.st.WriteCount(ctx)
	return m
}

// skipByStamp ends a Sync with set at now when the stamp covers it (the
// store's write count m.count, the same inputs): Skipped, for the stamp's
// number of accounts, and the in-process skip takes over from m.mark.
func (s *Service) skipByStamp(ctx context.Context, m marks, set Settings, now time.Time) (SyncResult, bool) {
	in := s.inputsOf(set, now)
	if m.countErr != nil || in == "" {
		return SyncResult{}, false
	}
	st, ok, err := s.st.Stamp(ctx, stampName)
	if err != nil || !ok || st.WriteCount != m.count || st.Inputs != in {
		return SyncResult{}, false
	}
	if m.markErr == nil {
		s.remember(m.mark, set, now, st.Items)
	}
	return SyncResult{Accounts: st.Items, Skipped: true}, true
}

// stamp records a complete Sync of n accounts that read the store at write
// count count and changed nothing, when no one wrote since (a write during
// the Sync may not be in what it derived). A stamp is a shortcut only: when
// it cannot be written, the next Sync derives again.
func (s *Service) stamp(ctx context.Context, count int64, n int, set Settings, now time.Time) {
	in := s.inputsOf(set, now)
	if in == "" {
		return
	}
	if after, err := s.st.WriteCount(ctx); err != nil || after != count {
		return
	}
	want := store.DerivedStamp{WriteCount: count, Items: n, Inputs: in}
	if st, ok, err := s.st.Stamp(ctx, stampName); err == nil && ok && st == want {
		return // writing it again would only wake every watcher
	}
	_ = s.st.SetStamp(ctx, stampName, want)
}
