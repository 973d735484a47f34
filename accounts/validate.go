package accounts

import (
	"net/mail"
	"regexp"
	"strings"
	"unicode/utf8"
)

// MaxIDLen is the longest platform (catalog) ID: a DNS label's 63 bytes,
// so an ID can also name a file or a host part.
const MaxIDLen = 63

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
	phonePattern = regexp.MustCompile(`^\+?[0-9][0-9 -]{5,18}[0-9]$`)
)

// ValidID is the one rule for catalog, company, group and platform IDs:
// 1 to MaxIDLen lower-case ASCII letters, digits and dashes, not starting
// with a dash.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// IDWithSuffix joins base and suffix with a dash, cutting base so the
// result stays within MaxIDLen ("user-best-buy" + "2" → "user-best-buy-2").
func IDWithSuffix(base, suffix string) string {
	keep := max(MaxIDLen-len(suffix)-1, 1)
	if len(base) > keep {
		base = strings.TrimRight(base[:keep], "-")
	}
	return base + "-" + suffix
}

// fieldChecks are the account's field rules in the order Validate applies
// them; each returns the problem or "".
var fieldChecks = []struct {
	field string
	check func(a *Account) string
}{
	{"platform", func(a *Account) string {
		if !ValidID(a.PlatformID) {
			return "must be a catalog ID such as taobao, or custom"
		}
		return ""
	}},
	{"name", func(a *Account) string {
		switch {
		case a.Name == "":
			return "is required"
		case utf8.RuneCountInString(a.Name) > maxNameLen:
			return "is longer than 200 characters"
		}
		return ""
	}},
	{"login", func(a *Account) string {
		if utf8.RuneCountInString(a.Login) > maxFieldLen {
			return "is longer than 320 characters"
		}
		return ""
	}},
	{"phone", func(a *Account) string {
		if a.Phone != "" && !phonePattern.MatchString(a.Phone) {
			return "must be digits, optionally with + and spaces, e.g. 13812345678"
		}
		return ""
	}},
	{"notes", func(a *Account) string {
		if utf8.RuneCountInString(a.Notes) > maxNotesLen {
			return "is longer than 10000 characters"
		}
		return ""
	}},
	{"status", func(a *Account) string {
		if !a.Status.Valid() {
			return "unknown status " + string(a.Status)
		}
		return ""
	}},
	{"email", func(a *Account) string {
		if a.Email == "" {
			return ""
		}
		if addr, err := mail.ParseAddress(a.Email); err != nil || addr.Address != a.Email {
			return "is not an e-mail address like name@example.com"
		}
		return ""
	}},
}

// Validate checks the account's fields and returns a *ValidationError for
// the first one that is wrong.
func (a *Account) Validate() error {
	for _, c := range fieldChecks {
		if p := c.check(a); p != "" {
			return &ValidationError{c.field, p}
		}
	}
	return nil
}

// ValidateField checks one field's value as Validate would once the value
// is normalised (a form checks each field as it is typed). The fields are
// name, login, phone, email and notes; any other is not checked.
func ValidateField(field, value string) error {
	var a Account
	switch field {
	case "name":
		a.Name = value
	case "login":
		a.Login = value
	case "phone":
		a.Phone = value
	case "email":
		a.Email = value
	case "notes":
		a.Notes = value
	default:
		return nil
	}
	a.Normalise()
	for _, c := range fieldChecks {
		if c.field != field {
			continue
		}
		if p := c.check(&a); p != "" {
			return &ValidationError{field, p}
		}
	}
	return nil
}
