package accounts

import "strings"

// MaskPhone hides the middle of a phone number: 13812345678 → 138****5678.
func MaskPhone(phone string) string {
	r := []rune(phone)
	switch {
	case len(r) == 0:
		return ""
	case len(r) <= 4:
		return strings.Repeat("*", len(r))
	case len(r) <= 7:
		return string(r[:1]) + strings.Repeat("*", len(r)-3) + string(r[len(r)-2:])
	}
	return string(r[:3]) + "****" + string(r[len(r)-4:])
}

// MaskEmail keeps the first letter of the local part and the domain:
// alice@example.com → a***@example.com. Text without a local part is
// masked whole, keeping only what follows the @.
func MaskEmail(email string) string {
	at := strings.LastIndexByte(email, '@')
	switch {
	case at < 0:
		return maskText(email)
	case at == 0:
		return "***" + email
	}
	first := []rune(email[:at])[0]
	return string(first) + "***" + email[at:]
}

// MaskLogin hides a login name: e-mails and phone numbers (whatever their
// separators: +86 138-1234-5678 → 138****5678) as above, anything else
// keeps its first and last character.
func MaskLogin(login string) string {
	switch {
	case strings.Contains(login, "@"):
		return MaskEmail(login)
	case IsPhoneLike(login):
		return MaskPhone(PhoneDigits(login))
	}
	return maskText(login)
}

func maskText(s string) string {
	r := []rune(s)
	switch {
	case len(r) == 0:
		return ""
	case len(r) <= 2:
		return strings.Repeat("*", len(r))
	case len(r) <= 4:
		return string(r[:1]) + strings.Repeat("*", len(r)-1)
	}
	return string(r[:1]) + strings.Repeat("*", min(len(r)-2, 6)) + string(r[len(r)-1:])
}
