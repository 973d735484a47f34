package inventory

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts"
)

// Item is one account as the inventory list shows and filters it.
type Item struct {
	// Account points into the slice Build was given: one copy of each
	// account, not a second one per item.
	Account *accounts.Account
	// PlatformName is the platform's name in the UI language (the ID for
	// a platform the catalog does not know).
	PlatformName string
	// Initial is the first letter of the platform name, for the avatar.
	Initial string
	// MaskedLogin is the login (or phone, or e-mail) with its middle hidden.
	MaskedLogin string
	// RealNameBound and PhoneBound say whether the person's identity or
	// phone is still tied to the account (see Bound).
	RealNameBound, PhoneBound bool
	// Due counts the account's reminders that want attention now.
	Due int

	// haystack is the account's own text a search looks in, folded once;
	// platformHay is its platform's names, folded, shared by every item
	// of the platform rather than copied into each haystack.
	haystack    string
	platformHay string
	phone       string // digits only, for searching "138 1234"
}

// platformText is what the items of one platform share.
type platformText struct{ display, initial, hay string }

// Input is what Build needs about one account besides the account itself.
type Input struct {
	Tracks []accounts.Track
	Due    int
}

// Build makes the items for accs in their order; they point into accs,
// which must not change afterwards. names gives a platform's display name
// and any other names it should be found by (the catalog's names in both
// languages); extra may be nil.
func Build(accs []accounts.Account, extra map[string]Input, names func(platformID string) (display string, searchable []string)) []Item {
	items := make([]Item, len(accs))
	byPlatform := map[string]platformText{}
	for i := range accs {
		a := &accs[i]
		p, ok := byPlatform[a.PlatformID]
		if !ok {
			display, more := names(a.PlatformID)
			p = platformText{display: display, initial: initial(display),
				hay: fold(strings.Join(append([]string{display}, append(more, a.PlatformID)...), "\x00"))}
			byPlatform[a.PlatformID] = p
		}
		items[i] = newItem(a, p, extra[a.ID])
	}
	return items
}

func newItem(a *accounts.Account, p platformText, in Input) Item {
	login := a.Login
	if login == "" {
		login = a.Phone
	}
	if login == "" {
		login = a.Email
	}
	it := Item{
		Account:      a,
		PlatformName: p.display,
		Initial:      p.initial,
		MaskedLogin:  accounts.MaskLogin(login),
		Due:          in.Due,
		phone:        accounts.PhoneDigits(a.Phone),
		platformHay:  p.hay,
	}
	it.RealNameBound, it.PhoneBound = Bound(*a, in.Tracks)
	it.haystack = fold(strings.Join([]string{a.Name, a.Login, a.Phone, a.Email}, "\x00"))
	return it
}

// Bound reports whether the account still holds the person's verified
// real name and phone number (accounts.StillBound, the one rule).
func Bound(a accounts.Account, tracks []accounts.Track) (realName, phone bool) {
	realName, phone, _ = accounts.StillBound(a, tracks)
	return realName, phone
}

func initial(name string) string {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(name))
	if r == utf8.RuneError {
		return "?"
	}
	return string(unicode.ToUpper(r))
}

// fold lower-cases s for case-insensitive search.
func fold(s string) string { return strings.ToLower(s) }
