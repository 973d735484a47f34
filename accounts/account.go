package accounts

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// CustomPlatform is the platform ID of an account whose platform is not in
// the catalog.
const CustomPlatform = "custom"

// ThirdParty names a login provider an account can be linked to.
type ThirdParty string

// Known third-party logins. Others are accepted as free text.
const (
	ThirdPartyWeChat ThirdParty = "wechat"
	ThirdPartyQQ     ThirdParty = "qq"
	ThirdPartyAlipay ThirdParty = "alipay"
	ThirdPartyApple  ThirdParty = "apple"
	ThirdPartyWeibo  ThirdParty = "weibo"
	ThirdPartyTaobao ThirdParty = "taobao"
	ThirdPartyDouyin ThirdParty = "douyin"
	ThirdPartyGoogle ThirdParty = "google"
)

// Account is one login a person holds on one platform. It never carries a
// secret: secrets live in the keyring, and SecretFields only says which ones
// are stored there.
type Account struct {
	ID           string        `json:"id"`
	PlatformID   string        `json:"platform"`
	Name         string        `json:"name"`
	Login        string        `json:"login,omitempty"`
	Phone        string        `json:"phone,omitempty"`
	Email        string        `json:"email,omitempty"`
	RealName     bool          `json:"real_name_verified"`
	ThirdParty   []ThirdParty  `json:"third_party,omitempty"`
	Seller       bool          `json:"seller"`
	Notes        string        `json:"notes,omitempty"`
	Status       Status        `json:"status"`
	LastBackupAt *time.Time    `json:"last_backup_at,omitempty"`
	SecretFields []SecretField `json:"secret_fields,omitempty"`
	CreatedAt    time.Time     `json:"created_at"`
	UpdatedAt    time.Time     `json:"updated_at"`
	// Version counts saved changes; an update based on an old version is
	// refused with ErrConflict instead of silently overwriting.
	Version int64 `json:"version"`
}

// Limits on free text, so a pasted document cannot bloat the store.
const (
	maxNameLen  = 200
	maxFieldLen = 320
	maxNotesLen = 10000
)

// Normalise trims the text fields, lower-cases the e-mail and sorts and
// de-duplicates the third-party logins.
func (a *Account) Normalise() {
	a.PlatformID = strings.ToLower(strings.TrimSpace(a.PlatformID))
	a.Name = strings.TrimSpace(a.Name)
	a.Login = strings.TrimSpace(a.Login)
	a.Phone = strings.TrimSpace(a.Phone)
	a.Email = strings.ToLower(strings.TrimSpace(a.Email))
	a.Notes = strings.TrimSpace(a.Notes)
	tp := a.ThirdParty[:0:0]
	for _, t := range a.ThirdParty {
		t = ThirdParty(normaliseKey(string(t)))
		if t != "" && !slices.Contains(tp, t) {
			tp = append(tp, t)
		}
	}
	slices.Sort(tp)
	a.ThirdParty = tp
	if a.Status == "" {
		a.Status = StatusActive
	}
}

// PhoneDigits returns the phone number without separators, for comparing.
func PhoneDigits(phone string) string {
	var b strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	// +86 / 0086 prefixes are the same mainland number.
	if len(d) == 13 && strings.HasPrefix(d, "86") {
		d = d[2:]
	} else if len(d) == 15 && strings.HasPrefix(d, "0086") {
		d = d[4:]
	}
	return d
}

// normaliseKey lower-cases and turns spaces and dashes into underscores.
func normaliseKey(s string) string {
	return strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// NormaliseLogin is the one rule for "the same login": e-mails and user
// names compare without case (shopping platforms treat them so), phone
// numbers by their digits without +86/0086.
func NormaliseLogin(login string) string {
	l := strings.TrimSpace(login)
	if !strings.Contains(l, "@") && IsPhoneLike(l) {
		return PhoneDigits(l)
	}
	return strings.ToLower(l)
}

// IsPhoneLike reports whether s is digits with the usual separators, 7 to
// 15 digits.
func IsPhoneLike(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-().", r):
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}

// ListOrder is the order accounts are listed in everywhere: by platform ID,
// then name, then ID (the store lists them so; the overview relies on it).
func ListOrder(a, b Account) int {
	return cmp.Or(strings.Compare(a.PlatformID, b.PlatformID), strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
}
