package campaign

import (
	"cmp"
	"slices"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// Input is what the figures are computed from. The slices are only read.
type Input struct {
	Accounts []accounts.Account
	// Tracks holds each account's tracks, keyed by account ID.
	Tracks map[string][]accounts.Track
	// Reminders should hold at least the open ones; others are ignored.
	Reminders []accounts.Reminder
	// Platforms gives catalog facts; nil: every platform is its own group
	// and nothing counts as blocked.
	Platforms Platforms
	// Now is the moment the figures describe.
	Now time.Time
}

// Platforms is what the figures need from the platform catalog (see
// FromCatalog).
type Platforms interface {
	// Group is the platform's identity group (the ID of its main
	// platform); "" when unknown.
	Group(id string) string
	// Blocked says why the account's main track cannot go on now, or nil
	// when it can (or the catalog does not know it).
	Blocked(a accounts.Account, tracks []accounts.Track) *accounts.BlockedError
}

// Figures are the campaign's figures at Now. Account lists are ordered by
// platform, then account name.
type Figures struct {
	Now       time.Time
	Accounts  int
	Platforms int // distinct platforms
	// ByStatus lists every status in accounts.Statuses order, zero counts
	// included.
	ByStatus []StatusCount
	// ByGroup lists the identity groups, most accounts first.
	ByGroup []GroupCount
	// Blocked lists accounts on their way out (see leaving) whose main
	// track a catalog blocker stops, with why.
	Blocked []Blocked
	// CoolingOff lists the running cooling-offs, soonest end first (an
	// unknown end last).
	CoolingOff []Cooling
	// Deadlines are the next MaxDeadlines open reminders, overdue first.
	Deadlines []Deadline
	// RealNameBound, PhoneBound: accounts.StillBound.
	RealNameBound, PhoneBound []Ref
	// SecretsGone lists gone accounts that still have secrets stored in
	// the keyring: nothing needs them any more.
	SecretsGone []Ref
}

// MaxDeadlines is how many deadlines Figures lists.
const MaxDeadlines = 3

// Ref names an account.
type Ref struct {
	ID, Platform, Name string
}

// StatusCount is how many accounts have one status.
type StatusCount struct {
	Status accounts.Status
	Count  int
}

// GroupCount is how many accounts an identity group holds, and how many of
// them are not gone yet.
type GroupCount struct {
	Group       string   // the group's main platform ID
	PlatformIDs []string // the group's platforms among the accounts, sorted
	Count, Open int
	Accounts    []Ref
}

// Blocked is one account a blocker stops, and why.
type Blocked struct {
	Ref
	Why *accounts.BlockedError
}

// Cooling is one running cooling-off; Until is its last day (China time),
// nil when the person did not record it.
type Cooling struct {
	Ref
	Track accounts.TrackKind
	Until *time.Time
}

// Deadline is one open reminder.
type Deadline struct {
	Ref
	Kind    accounts.ReminderKind
	Title   string
	Due     time.Time // a snoozed reminder's snooze end
	Overdue bool
}

// Compute works the figures out from in.
func Compute(in Input) Figures {
	all := in.Accounts
	if !slices.IsSortedFunc(all, accounts.ListOrder) { // the store lists them in this order already: no copy of 10k accounts
		all = slices.Clone(all)
		slices.SortFunc(all, accounts.ListOrder)
	}
	f := Figures{Now: in.Now, Accounts: len(all), ByStatus: make([]StatusCount, len(accounts.Statuses))}
	for i, s := range accounts.Statuses {
		f.ByStatus[i].Status = s
	}
	platforms := map[string]bool{}
	groups := map[string]*GroupCount{}
	byID := make(map[string]Ref, len(all))
	for _, a := range all {
		ref := Ref{ID: a.ID, Platform: a.PlatformID, Name: a.Name}
		byID[a.ID] = ref
		tracks := in.Tracks[a.ID]
		platforms[a.PlatformID] = true
		if i := slices.Index(accounts.Statuses, a.Status); i >= 0 {
			f.ByStatus[i].Count++
		}
		gone := accounts.Gone(a, tracks)
		f.addToGroup(groups, in.Platforms, a, ref, gone)
		if realName, phone, _ := accounts.StillBound(a, tracks); realName || phone {
			if realName {
				f.RealNameBound = append(f.RealNameBound, ref)
			}
			if phone {
				f.PhoneBound = append(f.PhoneBound, ref)
			}
		}
		if gone && len(a.SecretFields) > 0 {
			f.SecretsGone = append(f.SecretsGone, ref)
		}
		f.addCooling(a, ref, tracks)
		if in.Platforms != nil && leaving(a.Status, tracks) {
			if why := in.Platforms.Blocked(a, tracks); why != nil {
				f.Blocked = append(f.Blocked, Blocked{Ref: ref, Why: why})
			}
		}
	}
	f.Platforms = len(platforms)
	for _, g := range groups {
		slices.Sort(g.PlatformIDs)
		f.ByGroup = append(f.ByGroup, *g)
	}
	slices.SortFunc(f.ByGroup, func(x, y GroupCount) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Group, y.Group))
	})
	slices.SortStableFunc(f.CoolingOff, func(x, y Cooling) int {
		switch {
		case x.Until == nil && y.Until == nil:
			return 0
		case x.Until == nil:
			return 1
		case y.Until == nil:
			return -1
		}
		return x.Until.Compare(*y.Until)
	})
	f.Deadlines = nextDeadlines(in.Reminders, byID, in.Now)
	return f
}

// leaving: the person has set out to leave (preparing, rejected, or active
// with items ticked) and nothing is with the platform yet, so a blocker is
// what stands in the way. An untouched active account is not "blocked": its
// blockers are only unconfirmed.
func leaving(s accounts.Status, tracks []accounts.Track) bool {
	switch s {
	case accounts.StatusPreparing, accounts.StatusRejected:
		return true
	case accounts.StatusActive:
		return slices.ContainsFunc(tracks, func(t accounts.Track) bool { return len(t.Done) > 0 })
	}
	return false
}

func (f *Figures) addToGroup(groups map[string]*GroupCount, p Platforms, a accounts.Account, ref Ref, gone bool) {
	g := ""
	if p != nil {
		g = p.Group(a.PlatformID)
	}
	if g == "" {
		g = a.PlatformID
	}
	gc := groups[g]
	if gc == nil {
		gc = &GroupCount{Group: g}
		groups[g] = gc
	}
	gc.Count++
	if !gone {
		gc.Open++
	}
	if !slices.Contains(gc.PlatformIDs, a.PlatformID) {
		gc.PlatformIDs = append(gc.PlatformIDs, a.PlatformID)
	}
	gc.Accounts = append(gc.Accounts, ref)
}

// addCooling adds the account's running cooling-offs; an account in the
// cooling-off status with no track recording one is listed once, its end
// unknown.
func (f *Figures) addCooling(a accounts.Account, ref Ref, tracks []accounts.Track) {
	found := false
	for _, t := range tracks {
		if t.InCoolingOff(f.Now) {
			until := *t.CoolingUntil
			f.CoolingOff = append(f.CoolingOff, Cooling{Ref: ref, Track: t.Kind, Until: &until})
			found = true
		}
	}
	if !found && a.Status == accounts.StatusCoolingOff {
		f.CoolingOff = append(f.CoolingOff, Cooling{Ref: ref})
	}
}

// nextDeadlines are the soonest open reminders of known accounts.
func nextDeadlines(rs []accounts.Reminder, byID map[string]Ref, now time.Time) []Deadline {
	// The first MaxDeadlines in order, kept as they come: every open
	// reminder is looked at, but only a few are ever held. The order is
	// total, so the reminders may come in any order.
	before := func(x, y Deadline) int {
		return cmp.Or(x.Due.Compare(y.Due), cmp.Compare(x.Platform, y.Platform), cmp.Compare(x.Name, y.Name),
			cmp.Compare(x.ID, y.ID), cmp.Compare(x.Kind, y.Kind), cmp.Compare(x.Title, y.Title))
	}
	out := make([]Deadline, 0, MaxDeadlines+1)
	for _, r := range rs {
		ref, ok := byID[r.AccountID]
		if !ok || !r.State.Open() {
			continue
		}
		due := r.NextAt()
		d := Deadline{Ref: ref, Kind: r.Kind, Title: r.Title, Due: due, Overdue: due.Before(now)}
		// After every equal one already kept, as a stable sort would put it.
		i := len(out)
		for i > 0 && before(d, out[i-1]) < 0 {
			i--
		}
		if i >= MaxDeadlines {
			continue
		}
		out = slices.Insert(out, i, d)
		if len(out) > MaxDeadlines {
			out = out[:MaxDeadlines]
		}
	}
	return out
}

// Count is the number of accounts in status s.
func (f Figures) Count(s accounts.Status) int {
	for _, c := range f.ByStatus {
		if c.Status == s {
			return c.Count
		}
	}
	return 0
}
