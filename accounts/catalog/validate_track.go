package catalog

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts"
)

// Limits of the research fields.
const (
	maxTitleLen   = 300
	maxSaysLen    = 600
	maxCoolingDay = 366
	maxReregDays  = 3650
)

// today is the clock of the "not in the future" check; tests replace it.
var today = func() time.Time { return time.Now() }

// research checks a track's sources, cooling-off, blockers, applicability
// and the other fields that carry what the sources say.
func (c *check) research(f string, t Track, kinds []accounts.TrackKind) {
	switch {
	case t.Source != "" && t.Source != SourceUnverified && t.Source != SourceUser:
		c.add(f+".source", "%q must be %q or %q; list sources under \"sources\"", t.Source, SourceUnverified, SourceUser)
	case t.Source == SourceUnverified && len(t.Sources) > 0:
		c.add(f+".source", "says unverified but the track lists %d sources; drop one of the two", len(t.Sources))
	case t.Source == "" && len(t.Sources) == 0:
		c.add(f+".sources", "is empty; cite at least one source, or set \"source\": \"unverified\"")
	}
	if len(t.Sources) > maxList {
		c.add(f+".sources", "has more than %d items", maxList)
	}
	urls := map[string]bool{}
	for i, s := range t.Sources {
		sf := fmt.Sprintf("%s.sources[%d]", f, i)
		c.source(sf, s)
		if s.URL != "" {
			if urls[s.URL] {
				c.add(sf+".url", "%q is cited twice", s.URL)
			}
			urls[s.URL] = true
		}
		if s.Seed != "" {
			urls[s.Seed] = true // a claim may name a seed by its file name
		}
	}
	for i, fl := range t.AppliesTo {
		if !fl.Valid() || slices.Contains(t.AppliesTo[:i], fl) {
			c.add(fmt.Sprintf("%s.applies_to[%d]", f, i), "%q must be one of %v, once", fl, Flags)
		}
	}
	c.text(f+".not_possible", t.NotPossible, false)
	if co := t.CoolingOff; co != nil {
		c.coolingOff(f+".cooling_off", *co)
	}
	var ids []string
	for i, b := range t.Blockers {
		bf := fmt.Sprintf("%s.blockers[%d]", f, i)
		switch {
		case !prereqPattern.MatchString(b.ID):
			c.add(bf+".id", "%q must be lower-case letters, digits and underscores, e.g. ever_had_shop", b.ID)
		case slices.Contains(ids, b.ID):
			c.add(bf+".id", "%q appears twice", b.ID)
		}
		ids = append(ids, b.ID)
		if b.If != "" && !b.If.Valid() {
			c.add(bf+".if", "%q must be one of %v", b.If, Flags)
		}
		c.text(bf+".when", b.When, true)
		c.text(bf+".way_out", b.WayOut, false)
		c.text(bf+".fallback", b.Fallback, false)
		if r := b.Requires; r != nil {
			switch {
			case r.Platform != "" && !accounts.ValidID(r.Platform):
				c.add(bf+".requires.platform", "%q is not a platform ID", r.Platform)
			case !r.Track.Valid():
				c.add(bf+".requires.track", "%q is not a track kind", r.Track)
			case r.Platform == "" && (!slices.Contains(kinds, r.Track) || r.Track == t.Kind):
				c.add(bf+".requires.track", "%q must be another of this platform's tracks", r.Track)
			}
		}
	}
	if len(t.Blockers) > 0 && !t.BlockersChecked {
		c.add(f+".blockers_checked", "must be true when blockers are listed")
	}
	if a := t.After; a != nil {
		if d := a.ReregisterAfterDays; d != nil && (*d < 0 || *d > maxReregDays) {
			c.add(f+".after.reregister_after_days", "%d must be between 0 and %d", *d, maxReregDays)
		}
		c.text(f+".after.records_kept", a.RecordsKept, false)
	}
	if len(t.Alternatives) > maxList {
		c.add(f+".alternatives", "has more than %d items", maxList)
	}
	for i, alt := range t.Alternatives {
		c.text(fmt.Sprintf("%s.alternatives[%d]", f, i), alt, true)
	}
	for i, d := range t.Disagreements {
		df := fmt.Sprintf("%s.disagreements[%d]", f, i)
		if !slices.Contains(DisagreementTopics, d.About) {
			c.add(df+".about", "%q must be one of %v", d.About, DisagreementTopics)
		}
		if len(d.Claims) < 2 || len(d.Claims) > 20 {
			c.add(df+".claims", "needs 2 to 20 claims, each from a source")
		}
		for j, cl := range d.Claims {
			cf := fmt.Sprintf("%s.claims[%d]", df, j)
			c.text(cf+".says", cl.Says, true)
			if !urls[cl.URL] {
				c.add(cf+".url", "%q is not the url (or seed) of one of the track's sources", cl.URL)
			}
		}
	}
}

func (c *check) source(f string, s Source) {
	switch {
	case s.URL == "" && s.Seed == "":
		c.add(f, "needs a url (or, for a seed article, seed)")
	case s.URL != "" && !validURL(s.URL):
		c.add(f+".url", "%q must be a well-formed https (or http) address", s.URL)
	}
	if s.Seed != "" && !seedPattern.MatchString(s.Seed) {
		c.add(f+".seed", "%q is not a seed file name like 000_086f2a76b47d2aa8.txt", s.Seed)
	}
	if t := strings.TrimSpace(s.Title); t == "" || utf8.RuneCountInString(t) > maxTitleLen {
		c.add(f+".title", "must be the page's title, 1 to %d characters", maxTitleLen)
	}
	if utf8.RuneCountInString(s.Says) > maxSaysLen {
		c.add(f+".says", "is longer than %d characters", maxSaysLen)
	}
	d, err := time.Parse(DateLayout, s.Retrieved)
	switch {
	case err != nil:
		c.add(f+".retrieved", "%q is not a date like 2026-01-31", s.Retrieved)
	case d.After(today().Add(24 * time.Hour)):
		c.add(f+".retrieved", "%s is in the future", s.Retrieved)
	case d.Year() < 2000:
		c.add(f+".retrieved", "%s is before 2000", s.Retrieved)
	}
}

func (c *check) coolingOff(f string, co CoolingOff) {
	switch co.Kind {
	case CoolingPeriod:
		if d := co.Days; d == nil || d.Min < 1 || d.Max < d.Min || d.Max > maxCoolingDay {
			c.add(f+".days", "a period needs days {min, max} with 1 ≤ min ≤ max ≤ %d", maxCoolingDay)
		}
	case CoolingNone, CoolingNotFound:
		if co.Days != nil || len(co.CancelledBy) > 0 {
			c.add(f+".days", "kind %s takes no days and no cancelled_by", co.Kind)
		}
	default:
		c.add(f+".kind", "%q must be one of period, none, not_found", co.Kind)
	}
	for i, cb := range co.CancelledBy {
		if !slices.Contains(Cancellers, cb) || slices.Contains(co.CancelledBy[:i], cb) {
			c.add(fmt.Sprintf("%s.cancelled_by[%d]", f, i), "%q must be one of %v, once", cb, Cancellers)
		}
	}
	c.text(f+".at_end", co.AtEnd, false)
}

func validURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && validDomain(strings.ToLower(u.Hostname())) &&
		!strings.ContainsAny(s, " \t\n\r\"<>`")
}

// upgradeSource reads the older single "source" field: a seed file name or
// a URL becomes one entry of Sources, dated by Verified.
func (t *Track) upgradeSource() {
	s := strings.TrimSpace(t.Source)
	switch {
	case s == "" || s == SourceUnverified || s == SourceUser:
		t.Source = s
		return
	case seedPattern.MatchString(s):
		t.Sources = append(t.Sources, Source{Seed: s, Title: s, Retrieved: t.Verified})
	default:
		t.Sources = append(t.Sources, Source{URL: s, Title: SiteOf(s), Retrieved: t.Verified})
	}
	t.Source = ""
}
