package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts"
)

var (
	prereqPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)
	seedPattern   = regexp.MustCompile(`^[0-9]{3}_[0-9a-f]{16}\.txt$`)
)

// DateLayout is the form of Track.Verified.
const DateLayout = "2006-01-02"

// Limits that keep a pasted document out of the catalog.
const (
	maxNameLen = 200
	maxTextLen = 4000
	maxList    = 200
)

// check collects the problems of one entry, each naming its field.
type check []*accounts.ValidationError

func (c *check) add(field, format string, args ...any) {
	*c = append(*c, &accounts.ValidationError{Field: field, Problem: fmt.Sprintf(format, args...)})
}

// Validate checks p on its own (references to other platforms are checked
// when a Catalog is built). The error joins one *accounts.ValidationError
// per problem; errors.Is(err, accounts.ErrInvalid) holds.
func (p Platform) Validate() error {
	probs := p.problems()
	errs := make([]error, len(probs))
	for i, v := range probs {
		errs[i] = v
	}
	return errors.Join(errs...)
}

func (p Platform) problems() check {
	var c check
	switch {
	case p.ID == accounts.CustomPlatform:
		c.add("id", "%q is reserved for accounts whose platform is not in the catalog", p.ID)
	case !accounts.ValidID(p.ID):
		c.add("id", "%q must be lower-case letters, digits and dashes, e.g. tmall-global", p.ID)
	}
	c.name("names", p.Names)
	list(&c, "aliases", p.Aliases, func(f, a string) {
		if a == "" || utf8.RuneCountInString(a) > maxNameLen {
			c.add(f, "must be 1 to %d characters", maxNameLen)
		}
	})
	list(&c, "domains", p.Domains, func(f, d string) {
		if !validDomain(d) {
			c.add(f, "%q is not a lower-case host name like login.taobao.com (no scheme, port or path)", d)
		}
	})
	if p.Company.ID != "" || !p.Company.Name.IsZero() {
		if !accounts.ValidID(p.Company.ID) {
			c.add("company.id", "%q must be lower-case letters, digits and dashes, e.g. alibaba", p.Company.ID)
		}
		c.name("company.name", p.Company.Name)
	}
	if p.Group != "" && !accounts.ValidID(p.Group) {
		c.add("group", "%q is not a platform ID", p.Group)
	}
	list(&c, "tied_to", p.TiedTo, func(f, id string) {
		if !accounts.ValidID(id) || id == p.ID {
			c.add(f, "%q must be the ID of another platform", id)
		}
	})
	if !p.Difficulty.Valid() {
		c.add("difficulty", "%q is not one of %v", p.Difficulty, Difficulties)
	}
	c.text("notes", p.Notes, false)
	if len(p.Tracks) == 0 {
		c.add("tracks", "is empty; a platform needs at least one track")
	}
	var kinds []accounts.TrackKind
	for i, t := range p.Tracks {
		f := fmt.Sprintf("tracks[%d]", i)
		if slices.Contains(kinds, t.Kind) {
			c.add(f+".kind", "%s appears twice; a platform has one track per kind", t.Kind)
		}
		kinds = append(kinds, t.Kind)
		c.track(f, t)
	}
	for i, t := range p.Tracks {
		c.research(fmt.Sprintf("tracks[%d]", i), t, kinds)
	}
	if p.MainTrack != "" && !slices.Contains(kinds, p.MainTrack) {
		c.add("main_track", "%q is not one of this platform's tracks", p.MainTrack)
	}
	for i, r := range p.Requires {
		f := fmt.Sprintf("requires[%d]", i)
		if !slices.Contains(kinds, r.Track) {
			c.add(f+".track", "%q is not one of this platform's tracks", r.Track)
		}
		switch {
		case r.Platform == "" || r.Platform == p.ID:
			if !slices.Contains(kinds, r.After) || r.After == r.Track {
				c.add(f+".after", "%q must be another of this platform's tracks", r.After)
			}
		case !accounts.ValidID(r.Platform):
			c.add(f+".platform", "%q is not a platform ID", r.Platform)
		case !r.After.Valid():
			c.add(f+".after", "%q is not a track kind", r.After)
		}
		c.text(f+".why", r.Why, true)
	}
	return c
}

func (c *check) track(f string, t Track) {
	if k, err := accounts.ParseTrackKind(string(t.Kind)); err != nil {
		c.add(f+".kind", "%q is not one of %v", t.Kind, accounts.TrackKinds)
	} else if k != t.Kind {
		c.add(f+".kind", "write %q as %q", t.Kind, k)
	}
	if !t.Channel.Valid() {
		c.add(f+".channel", "%q is not one of %v", t.Channel, Channels)
	}
	list(c, f+".alt_channels", t.AltChannels, func(ff string, ch Channel) {
		if !ch.Valid() || ch == t.Channel {
			c.add(ff, "%q must be a channel other than the track's own", ch)
		}
	})
	if len(t.Steps) == 0 {
		c.add(f+".steps", "is empty; a track needs at least one step")
	}
	if len(t.Steps) > maxList {
		c.add(f+".steps", "has more than %d steps", maxList)
	}
	for i, s := range t.Steps {
		sf := fmt.Sprintf("%s.steps[%d]", f, i)
		c.text(sf, s.Text, true)
		c.text(sf+".path", s.Path, false)
	}
	var ids []string
	for i, p := range t.Prerequisites {
		pf := fmt.Sprintf("%s.prerequisites[%d]", f, i)
		if !prereqPattern.MatchString(p.ID) {
			c.add(pf+".id", "%q must be lower-case letters, digits and underscores, e.g. backup_orders", p.ID)
		} else if slices.Contains(ids, p.ID) {
			c.add(pf+".id", "%q appears twice", p.ID)
		}
		ids = append(ids, p.ID)
		c.text(pf, p.Text, true)
	}
	if w := t.ReviewWorkdays; w != nil && (w.Min < 0 || w.Max < w.Min || w.Max > 366) {
		c.add(f+".review_workdays", "min %d and max %d must satisfy 0 ≤ min ≤ max ≤ 366", w.Min, w.Max)
	}
	c.text(f+".loses", t.Loses, false)
	c.text(f+".afterwards", t.Afterwards, false)
	c.text(f+".notes", t.Notes, false)
	if !t.Difficulty.Valid() {
		c.add(f+".difficulty", "%q is not one of %v", t.Difficulty, Difficulties)
	}
	if _, err := time.Parse(DateLayout, t.Verified); err != nil {
		c.add(f+".verified", "%q is not a date like 2025-01-31", t.Verified)
	}
}

// name checks a name: both languages, short.
func (c *check) name(f string, t Text) {
	c.text(f, t, true)
	if utf8.RuneCountInString(t.Zh) > maxNameLen || utf8.RuneCountInString(t.En) > maxNameLen {
		c.add(f, "is longer than %d characters", maxNameLen)
	}
}

// text checks that t has both languages (or, when optional, neither).
func (c *check) text(f string, t Text, required bool) {
	if !required && t.IsZero() {
		return
	}
	if strings.TrimSpace(t.Zh) == "" {
		c.add(f+".zh", "is empty; give the Chinese text")
	}
	if strings.TrimSpace(t.En) == "" {
		c.add(f+".en", "is empty; give the English text")
	}
	if utf8.RuneCountInString(t.Zh) > maxTextLen || utf8.RuneCountInString(t.En) > maxTextLen {
		c.add(f, "is longer than %d characters", maxTextLen)
	}
}

// list checks each item with fn and refuses duplicates and huge lists.
func list[T ~string](c *check, f string, items []T, fn func(field string, item T)) {
	if len(items) > maxList {
		c.add(f, "has more than %d items", maxList)
		return
	}
	for i, it := range items {
		itf := fmt.Sprintf("%s[%d]", f, i)
		if slices.Contains(items[:i], it) {
			c.add(itf, "%q appears twice", it)
			continue
		}
		fn(itf, it)
	}
}

// validDomain accepts lower-case DNS names with at least two labels and a
// non-numeric top label (so no IP addresses).
func validDomain(d string) bool {
	if len(d) > 253 || !strings.Contains(d, ".") {
		return false
	}
	labels := strings.Split(d, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			b := l[i]
			if (b < 'a' || b > 'z') && (b < '0' || b > '9') && b != '-' {
				return false
			}
		}
	}
	top := labels[len(labels)-1]
	return strings.Trim(top, "0123456789") != ""
}

// normalise trims the free text of p, so stray spaces in a hand-written
// file are not errors; IDs and domains are checked, not rewritten, so a
// typo is reported rather than silently changed.
func (p *Platform) normalise() {
	p.Names = p.Names.trimmed()
	p.Company.Name = p.Company.Name.trimmed()
	p.Notes = p.Notes.trimmed()
	for i := range p.Aliases {
		p.Aliases[i] = strings.TrimSpace(p.Aliases[i])
	}
	for i := range p.Requires {
		p.Requires[i].Why = p.Requires[i].Why.trimmed()
	}
	for i := range p.Tracks {
		t := &p.Tracks[i]
		for j := range t.Steps {
			t.Steps[j].Text = t.Steps[j].Text.trimmed()
			t.Steps[j].Path = t.Steps[j].Path.trimmed()
		}
		for j := range t.Prerequisites {
			t.Prerequisites[j].Text = t.Prerequisites[j].Text.trimmed()
		}
		t.Loses, t.Afterwards, t.Notes = t.Loses.trimmed(), t.Afterwards.trimmed(), t.Notes.trimmed()
		t.Verified = strings.TrimSpace(t.Verified)
		t.upgradeSource()
	}
}
