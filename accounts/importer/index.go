package importer

import (
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// Index answers, for the preview, whether a proposal is already in the
// inventory: by the store's merge key (platform and login), by the same
// phone number on the same platform, or for a proposal without a login
// the way Apply decides (see ApplyResult.AlreadyThere). Deleted accounts
// count too: importing an old export after a deletion must not quietly
// bring the account back as a new one.
type Index struct {
	byKey   map[string]int
	byPhone map[string]int
	matches []Match
}

// Match is the inventory account a proposal matches.
type Match struct {
	AccountID  string          `json:"account_id"`
	Name       string          `json:"name"`
	PlatformID string          `json:"platform"`
	Status     accounts.Status `json:"status"`
	// DeletedOn is set for a deactivated account (see accounts.DeletedOn).
	DeletedOn *time.Time `json:"deleted_on,omitempty"`
	// ByPhone: the logins differ but the phone number is the same.
	ByPhone bool `json:"by_phone,omitempty"`
}

// Deleted reports whether the matched account is deactivated.
func (m Match) Deleted() bool { return m.Status == accounts.StatusDeactivated }

// NewIndex indexes the inventory's accounts.
func NewIndex(existing []accounts.Account) *Index { return NewIndexWith(existing, nil) }

// NewIndexWith indexes the inventory's accounts with their tracks (by
// account ID), which date the deletions.
func NewIndexWith(existing []accounts.Account, tracks map[string][]accounts.Track) *Index {
	ix := &Index{byKey: make(map[string]int, len(existing)), byPhone: map[string]int{}}
	for _, a := range existing {
		ix.matches = append(ix.matches, Match{AccountID: a.ID, Name: a.Name, PlatformID: a.PlatformID, Status: a.Status,
			DeletedOn: accounts.DeletedOn(a, tracks[a.ID])})
		i := len(ix.matches) - 1
		ix.put(ix.byKey, indexKey(a), i)
		if k := phoneKey(a); k != "" {
			ix.put(ix.byPhone, k, i)
		}
	}
	return ix
}

// put files match i under k; an account still there wins over a deleted
// one with the same key.
func (ix *Index) put(m map[string]int, k string, i int) {
	if j, ok := m[k]; ok && !(ix.matches[j].Deleted() && !ix.matches[i].Deleted()) {
		return
	}
	m[k] = i
}

// Match finds the inventory account p's account would merge into or
// duplicate: same merge key first, else the same phone on the platform.
func (ix *Index) Match(p Proposal) (Match, bool) {
	if ix == nil {
		return Match{}, false
	}
	a := p.Account()
	if i, ok := ix.byKey[indexKey(a)]; ok {
		return ix.matches[i], true
	}
	if k := phoneKey(a); k != "" {
		if i, ok := ix.byPhone[k]; ok {
			m := ix.matches[i]
			m.ByPhone = true
			return m, true
		}
	}
	return Match{}, false
}

// Has reports whether p's account is already in the inventory.
func (ix *Index) Has(p Proposal) bool {
	_, ok := ix.Match(p)
	return ok
}

func indexKey(a accounts.Account) string {
	if k := store.MergeKey(a); k != "" {
		return k
	}
	return "\x01" + loginlessKey(a.PlatformID, a.Name)
}

// phoneKey is the platform and the phone number of a (its phone field, or
// a login that is a phone number); "" without one. On the custom platform
// the name is part of it, as in the merge key.
func phoneKey(a accounts.Account) string {
	digits := accounts.PhoneDigits(a.Phone)
	if digits == "" && !strings.Contains(a.Login, "@") && accounts.IsPhoneLike(a.Login) {
		digits = accounts.PhoneDigits(a.Login)
	}
	if len(digits) < 7 {
		return ""
	}
	return loginlessKey(a.PlatformID, a.Name) + "\x00" + digits
}
