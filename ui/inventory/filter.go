package inventory

import (
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

// Query is what the person filters by; zero fields filter nothing.
type Query struct {
	Text          string          // name, platform, login, phone or e-mail
	Status        accounts.Status // one status, or "" for all
	Platform      string          // one platform ID, or "" for all
	RealNameBound bool            // only accounts still holding the real name
	PhoneBound    bool            // only accounts still holding the phone
	RemindersDue  bool            // only accounts with reminders due
	// Only, when set, keeps the accounts of one overview figure.
	Only *Subset
}

// Subset is a set of accounts the overview named: the accounts of one
// figure (blocked, in cooling-off, one identity group …).
type Subset struct {
	// Figure names the figure, so the set can be worked out again after
	// the inventory reloads; Label says it in the person's words.
	Figure, Label string
	IDs           map[string]bool
}

// NewSubset makes the subset of the accounts with the given IDs.
func NewSubset(figure, label string, ids []string) *Subset {
	s := &Subset{Figure: figure, Label: label, IDs: make(map[string]bool, len(ids))}
	for _, id := range ids {
		s.IDs[id] = true
	}
	return s
}

// IsZero reports whether q lets everything through.
func (q Query) IsZero() bool { return q == Query{} }

// Filter appends to out the indexes of the items that match q and returns
// it; pass out[:0] of the previous result to filter without allocating.
func Filter(items []Item, q Query, out []int) []int {
	text := fold(strings.TrimSpace(q.Text))
	digits := ""
	if text != "" {
		// "138 1234" should find 13812345678: compare digits only when
		// the query is a number.
		if d := accounts.PhoneDigits(text); len(d) >= 3 && len(d)*2 >= len(strings.ReplaceAll(text, " ", "")) {
			digits = d
		}
	}
	// The platform's names are shared by its items (and items come
	// grouped by platform): match each distinct text once.
	var lastHay string
	lastMatch, matched := false, false
	platformMatches := func(hay string) bool {
		if !matched || hay != lastHay {
			lastHay, lastMatch, matched = hay, strings.Contains(hay, text), true
		}
		return lastMatch
	}
	for i := range items {
		it := &items[i]
		switch {
		case q.Status != "" && it.Account.Status != q.Status,
			q.Platform != "" && it.Account.PlatformID != q.Platform,
			q.RealNameBound && !it.RealNameBound,
			q.PhoneBound && !it.PhoneBound,
			q.RemindersDue && it.Due == 0,
			q.Only != nil && !q.Only.IDs[it.Account.ID]:
			continue
		}
		if text != "" && !strings.Contains(it.haystack, text) && !platformMatches(it.platformHay) &&
			(digits == "" || !strings.Contains(it.phone, digits)) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// Counts is how many items have each status, and how many in all.
type Counts struct {
	Total    int
	ByStatus map[accounts.Status]int
}

// Count counts the items per status.
func Count(items []Item) Counts {
	c := Counts{Total: len(items), ByStatus: make(map[accounts.Status]int, len(accounts.Statuses))}
	for i := range items {
		c.ByStatus[items[i].Account.Status]++
	}
	return c
}

// Platforms lists the distinct platform IDs of the items with their
// display names, in first-seen order, for the platform filter.
func Platforms(items []Item) (ids, names []string) {
	seen := map[string]bool{}
	for i := range items {
		id := items[i].Account.PlatformID
		if !seen[id] {
			seen[id] = true
			ids, names = append(ids, id), append(names, items[i].PlatformName)
		}
	}
	return ids, names
}

// Reset returns the zero query.
func (q Query) Reset() Query { return Query{} }
