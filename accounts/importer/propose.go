package importer

import (
	"fmt"
	"net/mail"
	"net/netip"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/unbindapp/unbind/accounts"
)

// Matcher finds the catalog platform of a host. The catalog provides it;
// adapt its MatchHost with MatchFunc, e.g.
//
//	importer.MatchFunc(func(h string) (string, bool) {
//		p, ok := cat.MatchHost(h)
//		return p.ID, ok
//	})
//
// Propose asks about the entry's host first and then about its parent
// domains (login.taobao.com, then taobao.com), so a matcher that only knows
// registered domains works too.
type Matcher interface {
	MatchHost(host string) (platformID string, ok bool)
}

// MatchFunc adapts a function to Matcher.
type MatchFunc func(host string) (platformID string, ok bool)

// MatchHost calls f.
func (f MatchFunc) MatchHost(host string) (string, bool) { return f(host) }

// Proposal is an account proposed from one or more export entries, for the
// preview: the person picks which to import.
type Proposal struct {
	// PlatformID is the catalog platform, or "" when the entry is not on a
	// shopping platform the catalog knows.
	PlatformID string `json:"platform"`
	// Name is the entry's title, or else its host or app.
	Name  string `json:"name"`
	Login string `json:"login,omitempty"`
	// HasPassword says whether a password comes along; Password is it,
	// redacted in every output, for the keyring.
	HasPassword bool   `json:"has_password"`
	Password    Secret `json:"-"`
	TOTP        bool   `json:"totp,omitempty"`
	Host        string `json:"host,omitempty"`
	App         string `json:"app,omitempty"`
	// Line is the source line of the entry kept; Duplicates are the lines
	// of the entries collapsed into it.
	Line       int   `json:"line"`
	Duplicates []int `json:"duplicates,omitempty"`
	// Key is stable across imports: the platform (or "host:" and the host
	// when there is none) and the normalised login, joined by "|".
	Key string `json:"key"`
	// MergeInto and AddNew carry the person's choice for a proposal that
	// matches an inventory account (see Resolve); left empty, Apply merges
	// by the merge key as always.
	MergeInto string `json:"-"`
	AddNew    bool   `json:"-"`

	modified time.Time
	titled   bool
}

// String describes the proposal without the password and with the login
// masked.
func (p Proposal) String() string {
	platform := p.PlatformID
	if platform == "" {
		platform = "(not a shopping platform)"
	}
	pw := "no"
	if p.HasPassword {
		pw = "yes"
	}
	return fmt.Sprintf("line %d: %s %q %s, password: %s", p.Line, platform, p.Name, accounts.MaskLogin(p.Login), pw)
}

// Propose turns entries into proposals, in file order. Entries with the same
// Key collapse into one: the one with a password wins, then the newest,
// then the first in the file. A nil matcher matches nothing.
func Propose(entries []Entry, m Matcher) []Proposal {
	out := make([]Proposal, 0, len(entries))
	seen := make(map[string]int, len(entries))
	cache := make(map[string]string)
	for _, e := range entries {
		p := propose(e, m, cache)
		i, dup := seen[p.Key]
		if !dup {
			seen[p.Key] = len(out)
			out = append(out, p)
			continue
		}
		out[i] = merge(out[i], p)
	}
	return out
}

func propose(e Entry, m Matcher, cache map[string]string) Proposal {
	p := Proposal{
		Login:       strings.TrimSpace(e.Login),
		HasPassword: e.Password.IsSet(),
		Password:    e.Password,
		TOTP:        e.TOTP,
		Host:        e.Host,
		App:         e.App,
		Line:        e.Line,
		modified:    e.Modified,
	}
	hosts := []string{e.Host}
	for _, u := range e.OtherURLs {
		hosts = append(hosts, HostOf(u))
	}
	for _, h := range hosts {
		if id := matchHost(m, h, cache); id != "" {
			p.PlatformID, p.Host = id, h
			break
		}
	}
	switch {
	case e.Title != "":
		p.Name, p.titled = e.Title, true
	case p.Host != "":
		p.Name = displayHost(p.Host)
	case p.App != "":
		p.Name = p.App
	default:
		p.Name = fmt.Sprintf("line %d", e.Line)
	}
	if utf8.RuneCountInString(p.Name) > 200 {
		p.Name = string([]rune(p.Name)[:200])
	}
	where := p.PlatformID
	switch {
	case where != "":
	case p.Host != "":
		where = "host:" + p.Host
	case p.App != "":
		where = "app:" + strings.ToLower(p.App)
	default:
		where = "title:" + strings.ToLower(p.Name)
	}
	p.Key = where + "|" + NormaliseLogin(p.Login)
	return p
}

// matchHost asks m about host and its parent domains (never a bare TLD).
func matchHost(m Matcher, host string, cache map[string]string) string {
	if m == nil || host == "" {
		return ""
	}
	if id, ok := cache[host]; ok {
		return id
	}
	id := ""
	if _, err := netip.ParseAddr(host); err == nil { // an address has no parent domains
		if got, ok := m.MatchHost(host); ok {
			id = got
		}
		cache[host] = id
		return id
	}
	for h := host; strings.Contains(h, "."); h = h[strings.IndexByte(h, '.')+1:] {
		if got, ok := m.MatchHost(h); ok && got != "" {
			id = got
			break
		}
	}
	cache[host] = id
	return id
}

// merge keeps the better of two proposals with the same key.
func merge(kept, other Proposal) Proposal {
	better := (other.HasPassword && !kept.HasPassword) ||
		(other.HasPassword == kept.HasPassword && other.modified.After(kept.modified))
	if better {
		kept, other = other, kept
	}
	kept.Duplicates = append(kept.Duplicates, other.Line)
	kept.Duplicates = append(kept.Duplicates, other.Duplicates...)
	slices.Sort(kept.Duplicates)
	kept.TOTP = kept.TOTP || other.TOTP
	if !kept.titled && other.titled {
		kept.Name, kept.titled = other.Name, true
	}
	return kept
}

// NormaliseLogin is the login as compared for duplicates; the rule is
// accounts.NormaliseLogin, the same one the store merges by.
func NormaliseLogin(login string) string { return accounts.NormaliseLogin(login) }

// Account is the inventory account the proposal becomes: its platform (or
// accounts.CustomPlatform), name and login, with the login also filed as
// e-mail or phone when it is one. It carries no secret; whether to store
// Password in the keyring is the caller's decision.
func (p Proposal) Account() accounts.Account {
	a := accounts.Account{
		PlatformID: p.PlatformID,
		Name:       p.Name,
		Login:      p.Login,
		Status:     accounts.StatusActive,
	}
	if a.PlatformID == "" {
		a.PlatformID = accounts.CustomPlatform
	}
	switch {
	case strings.Contains(p.Login, "@"):
		if addr, err := mail.ParseAddress(p.Login); err == nil && strings.EqualFold(addr.Address, p.Login) {
			a.Email = strings.ToLower(p.Login)
		}
	case accounts.IsPhoneLike(p.Login):
		a.Phone = accounts.PhoneDigits(p.Login)
	}
	return a
}
