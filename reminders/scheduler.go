package reminders

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// SchedulerOptions configure a Scheduler; the zero value is ready to use.
type SchedulerOptions struct {
	// Interval between checks; 0 means DefaultInterval.
	Interval time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// GroupAbove: when more than this many reminders fire in one check,
	// they go out as one notification; 0 means DefaultGroupAbove.
	// Reminders that fell due while Unbind was not running (or the machine
	// slept) are always grouped.
	GroupAbove int
	// OnFired, when set, is called after each check that fired reminders,
	// on the scheduler's goroutine (a GUI must hop to its UI thread).
	OnFired func(fired []accounts.Reminder)
	// OnError, when set, receives errors of a check (sync, store,
	// notifier); by default they are logged with log/slog. A failed check
	// is retried at the next interval.
	OnError func(err error)
}

// Defaults of SchedulerOptions.
const (
	DefaultInterval   = time.Minute
	DefaultGroupAbove = 3
)

// Scheduler checks for due reminders at start and then periodically: it
// syncs the derived reminders with the accounts' state, fires those due
// (store.FireDue marks them fired in one transaction, so no reminder fires
// twice, even across restarts or with two Unbind processes) and delivers
// them through a Notifier.
type Scheduler struct {
	svc  *Service
	n    Notifier
	opts SchedulerOptions
	poke chan struct{}

	mu        sync.Mutex // one check at a time
	lastCheck time.Time  // zero before the first check
}

// NewScheduler returns a scheduler delivering svc's reminders through n.
func NewScheduler(svc *Service, n Notifier, opts SchedulerOptions) *Scheduler {
	if opts.Interval <= 0 {
		opts.Interval = DefaultInterval
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.GroupAbove <= 0 {
		opts.GroupAbove = DefaultGroupAbove
	}
	if opts.OnError == nil {
		opts.OnError = func(err error) { slog.Warn("reminders", "err", err) }
	}
	return &Scheduler{svc: svc, n: n, opts: opts, poke: make(chan struct{}, 1)}
}

// Run checks at once, then every Interval and whenever Poke is called,
// until ctx is cancelled; it returns ctx's error.
func (s *Scheduler) Run(ctx context.Context) error { return s.RunFrom(ctx, nil) }

// RunFrom is Run whose first check syncs from first, the inventory the
// caller has just loaded (nil: read it), so a start reads every account
// once, not twice.
func (s *Scheduler) RunFrom(ctx context.Context, first *Snapshot) error {
	s.check(ctx, first)
	t := time.NewTicker(s.opts.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		case <-s.poke:
		}
		if ctx.Err() == nil {
			s.Check(ctx)
		}
	}
}

// Poke asks a running scheduler to check now, e.g. after the person changed
// an account; it never blocks.
func (s *Scheduler) Poke() {
	select {
	case s.poke <- struct{}{}:
	default:
	}
}

// Check syncs, fires the due reminders, notifies and returns them. Run calls
// it; tests and the GUI may call it directly.
func (s *Scheduler) Check(ctx context.Context) []accounts.Reminder { return s.check(ctx, nil) }

func (s *Scheduler) check(ctx context.Context, snap *Snapshot) []accounts.Reminder {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	// Reminders that fell due while nothing was checking: at the first
	// check (Unbind was not running) or after a gap of several intervals
	// (the machine slept).
	missed := s.lastCheck.IsZero() || now.Sub(s.lastCheck) > 3*s.opts.Interval
	s.lastCheck = now
	var err error
	if snap != nil {
		_, err = s.svc.SyncSnapshot(ctx, now, *snap)
	} else {
		_, err = s.svc.Sync(ctx, now)
	}
	if err != nil {
		s.report(ctx, err) // fire what is stored anyway
	}
	fired, err := s.svc.st.FireDue(ctx, now)
	if err != nil {
		s.report(ctx, err)
		return nil
	}
	if len(fired) == 0 {
		return nil
	}
	s.deliver(ctx, fired, missed)
	if s.opts.OnFired != nil {
		s.opts.OnFired(fired)
	}
	return fired
}

// deliver sends one notification per reminder, or one for all of them when
// they were missed or are more than GroupAbove.
func (s *Scheduler) deliver(ctx context.Context, fired []accounts.Reminder, missed bool) {
	if len(fired) > 1 && (missed || len(fired) > s.opts.GroupAbove) {
		title, body := GroupText(fired, s.svc.Lang(ctx))
		if err := s.n.Notify(title, body); err != nil {
			s.opts.OnError(fmt.Errorf("notify %d reminders: %w", len(fired), err))
		}
		return
	}
	for _, r := range fired {
		title, body := NotificationText(r)
		if err := s.n.Notify(title, body); err != nil {
			s.opts.OnError(fmt.Errorf("notify reminder %s: %w", r.ID, err))
		}
	}
}

// report passes err to OnError, unless the check was cancelled (Unbind is
// quitting): that is no error worth telling.
func (s *Scheduler) report(ctx context.Context, err error) {
	if ctx.Err() == nil {
		s.opts.OnError(err)
	}
}
