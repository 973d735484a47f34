package reminders

import (
	"time"

	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/accounts/workdays"
)

// inStep is what the last complete Sync derived from. A Sync whose store
// mark, settings and clock epoch are all the same would derive the same
// reminders and find them stored, so it is skipped: the scheduler's tick
// with nothing changed reads one pragma and the settings instead of every
// account, track and reminder.
type inStep struct {
	mark     store.ChangeMark
	set      Settings
	epoch    clockEpoch
	accounts int
}

// clockEpoch is all that Derive reads of Input.Now: the China date (a new
// prerequisite is due the next day; the current backup occurrence moves
// by whole days) and whether that date's due hour has passed (a backup
// occurrence due today becomes current at its hour). Two inputs that
// differ only in Now derive the same reminders when their epochs are
// equal; a rule that reads Now in another way must extend this.
type clockEpoch struct {
	date     time.Time
	afterDue bool
}

func epochOf(now time.Time, set Settings) clockEpoch {
	d := workdays.DateOf(now)
	return clockEpoch{date: d, afterDue: !workdays.AtChinaTime(d, Input{Settings: set}.dueHour(), 0).After(now)}
}

// skip reports whether a Sync at now with mark and set would change
// nothing, and how many accounts the last one looked at.
func (s *Service) skip(mark store.ChangeMark, set Settings, now time.Time) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.last
	if l == nil || l.mark != mark || l.set != set || l.epoch != epochOf(now, set) {
		return 0, false
	}
	return l.accounts, true
}

// remember records a complete Sync that started at mark; forget drops it
// (a sync from a snapshot, whose mark is unknown, or one with errors).
func (s *Service) remember(mark store.ChangeMark, set Settings, now time.Time, n int) {
	s.mu.Lock()
	s.last = &inStep{mark: mark, set: set, epoch: epochOf(now, set), accounts: n}
	s.mu.Unlock()
}

func (s *Service) forget() {
	s.mu.Lock()
	s.last = nil
	s.mu.Unlock()
}
