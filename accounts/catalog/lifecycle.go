package catalog

import (
	"slices"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// Source is one public page or seed article that backs a track.
type Source struct {
	URL       string `json:"url,omitempty"`
	Title     string `json:"title"`
	Retrieved string `json:"retrieved"`      // YYYY-MM-DD, the day it was read
	Says      string `json:"says,omitempty"` // what it supports, briefly (English)
	Seed      string `json:"seed,omitempty"` // a seed file name (000_….txt)
}

// Site is the host name of the source's URL without "www.", or "" for a
// seed without an address.
func (s Source) Site() string { return SiteOf(s.URL) }

// Age is how long ago the source was read, from now; zero when the date
// does not parse.
func (s Source) Age(now time.Time) time.Duration {
	d, err := time.Parse(DateLayout, s.Retrieved)
	if err != nil {
		return 0
	}
	return now.Sub(d)
}

// StaleAfter is the age past which a source is shown as old.
const StaleAfter = 365 * 24 * time.Hour

// CoolingOffKind says what the sources say about a cooling-off.
type CoolingOffKind string

// The cooling-off kinds.
const (
	CoolingPeriod   CoolingOffKind = "period"    // a number of days
	CoolingNone     CoolingOffKind = "none"      // takes effect without one
	CoolingNotFound CoolingOffKind = "not_found" // sources read, none mentions one
)

// Canceller is something that ends a cooling-off early, undoing the request.
type Canceller string

// The cancellers.
const (
	CancelSignIn          Canceller = "sign_in"           // signing in on any device, app or web
	CancelThirdPartyLogin Canceller = "third_party_login" // "log in with X" on another site
	CancelCompanyProducts Canceller = "company_products"  // signing in to another product of the company
	CancelCustomerService Canceller = "customer_service"  // asking customer service to withdraw
)

// Cancellers lists every canceller.
var Cancellers = []Canceller{CancelSignIn, CancelThirdPartyLogin, CancelCompanyProducts, CancelCustomerService}

// Days is a range of calendar days; Min < Max when sources disagree.
type Days struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// CoolingOff is the period after a request is accepted in which it can
// still be cancelled.
type CoolingOff struct {
	Kind        CoolingOffKind `json:"kind"`
	Days        *Days          `json:"days,omitempty"`
	CancelledBy []Canceller    `json:"cancelled_by,omitempty"`
	AtEnd       Text           `json:"at_end,omitzero"`
}

// HasPeriod reports whether c is a known period of days.
func (c *CoolingOff) HasPeriod() bool {
	return c != nil && c.Kind == CoolingPeriod && c.Days != nil && c.Days.Max > 0
}

// CoolingOffEnd is the one rule for a cooling-off's last day when the
// person does not give the platform's own date: the day it started plus the
// longest period the sources name (so the warning never ends too early).
// false when the track has no known period.
func (t Track) CoolingOffEnd(started time.Time) (time.Time, bool) {
	if !t.CoolingOff.HasPeriod() {
		return time.Time{}, false
	}
	return started.AddDate(0, 0, t.CoolingOff.Days.Max), true
}

// Flag is an account property a track or blocker can depend on.
type Flag string

// The flags, each read from the account's own fields.
const (
	FlagSeller     Flag = "seller"      // Account.Seller
	FlagRealName   Flag = "real_name"   // Account.RealName
	FlagThirdParty Flag = "third_party" // Account.ThirdParty is not empty
)

// Flags lists every flag.
var Flags = []Flag{FlagSeller, FlagRealName, FlagThirdParty}

// Valid reports whether f is a known flag.
func (f Flag) Valid() bool { return slices.Contains(Flags, f) }

// Of reports whether the account has the flag.
func (f Flag) Of(a accounts.Account) bool {
	switch f {
	case FlagSeller:
		return a.Seller
	case FlagRealName:
		return a.RealName
	case FlagThirdParty:
		return len(a.ThirdParty) > 0
	}
	return false
}

// Blocker is a condition under which a track cannot be done.
type Blocker struct {
	ID string `json:"id"`
	// If, when set, is the account flag that makes the blocker apply;
	// empty means it may apply to anyone and the person confirms.
	If        Flag `json:"if,omitempty"`
	Permanent bool `json:"permanent,omitempty"`
	When      Text `json:"when"`
	// Requires is the track whose completion lifts the blocker.
	Requires *TrackRef `json:"requires,omitempty"`
	WayOut   Text      `json:"way_out,omitzero"`
	Fallback Text      `json:"fallback,omitzero"`
}

// TrackRef names a track on a platform (empty: the same platform).
type TrackRef struct {
	Platform string             `json:"platform,omitempty"`
	Track    accounts.TrackKind `json:"track"`
}

// After is what the sources say about life after the track is done; nil
// fields are not known.
type After struct {
	LoginReleased       *bool `json:"login_released,omitempty"`
	PhoneReusable       *bool `json:"phone_reusable,omitempty"`
	ReregisterAfterDays *int  `json:"reregister_after_days,omitempty"`
	RecordsKept         Text  `json:"records_kept,omitzero"`
}

// Disagreement records sources that say different things about one topic.
type Disagreement struct {
	About  string  `json:"about"`
	Claims []Claim `json:"claims"`
}

// Claim is what one source says; URL names one of the track's sources.
type Claim struct {
	Says Text   `json:"says"`
	URL  string `json:"url"`
}

// DisagreementTopics are the values of Disagreement.About.
var DisagreementTopics = []string{"cooling_off", "review", "steps", "blockers", "afterwards", "other"}
