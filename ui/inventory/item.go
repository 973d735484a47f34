package inventory

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts"
)

// Item is one account as the inventory list shows and filters it.
type Item struct {
	Account accounts.Account
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

	// haystack is everything a search looks in, folded once.
	haystack string
	phone    string // digits only, for searching "138 1234"
}

// Input is what Build needs about one account besides the account itself.
type Input struct {
	Tracks []accounts.Track
	Due    int
}

// Build makes the items for accs in their order. names gives a platform's
// display name and any other names it should be found by (the catalog's
// names in both languages); extra may be nil.
func Build(accs []accounts.Account, extra map[string]Input, names func(platformID string) (display string, searchable []string)) []Item {
	items := make([]Item, len(accs))
	nameCache := map[string][2]string{}
	for i, a := range accs {
		c, ok := nameCache[a.PlatformID]
		if !ok {
			display, more := names(a.PlatformID)
			c = [2]string{display, strings.Join(append(more, a.PlatformID), "\x00")}
			nameCache[a.PlatformID] = c
		}
		in := extra[a.ID]
		items[i] = newItem(a, c[0], c[1], in)
	}
	return items
}

func newItem(a accounts.Account, platformName, platformSearch string, in Input) Item {
	login := a.Login
	if login == "" {
		login = a.Phone
	}
	if login == "" {
		login = a.Email
	}
	it := Item{
		Account:      a,
		PlatformName: platformName,
		Initial:      initial(platformName),
		MaskedLogin:  accounts.MaskLogin(login),
		Due:          in.Due,
		phone:        accounts.PhoneDigits(a.Phone),
	}
	it.RealNameBound, it.PhoneBound = Bound(a, in.Tracks)
	it.haystack = fold(strings.Join([]string{a.Name, platformName, platformSearch, a.Login, a.Phone, a.Email}, "\x00"))
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
