package report

import (
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

// groupFindings flags an account still alive on a platform that shares one
// underlying account (identity group) with a platform where it is gone:
// "Taobao deleted but Xianyu in the same identity group still active".
// Each live account is named once, after the first gone account (in report
// order) that is the same identity (see ident.same).
func (b *builder) groupFindings(all []accounts.Account) {
	byGroup := map[string]*identityIndex{}
	for _, a := range all {
		g := b.group(a.PlatformID)
		if g == "" {
			continue
		}
		if byGroup[g] == nil {
			byGroup[g] = &identityIndex{keys: map[string]*firstTwo{}}
		}
		if b.gone(a) {
			byGroup[g].addGone(a)
		}
	}
	for _, a := range all {
		g := b.group(a.PlatformID)
		if g == "" || b.gone(a) {
			continue
		}
		dead, ok := byGroup[g].match(a)
		if !ok {
			continue
		}
		dn, an := b.platformName(dead.PlatformID), b.platformName(a.PlatformID)
		b.add(Medium, CodeGroupMemberActive, a, "",
			b.t("f."+CodeGroupMemberActive, dn, an, statusLabel(b.s.lang, a.Status)),
			b.t("a."+CodeGroupMemberActive, an, dn))
	}
}

// ident holds an account's comparable identifiers: phone digits,
// lower-case login, e-mail.
type ident [3]string

func identOf(a accounts.Account) ident {
	return ident{accounts.PhoneDigits(a.Phone), strings.ToLower(a.Login), a.Email}
}

// mask says which identifiers are present.
func (x ident) mask() int {
	m := 0
	for i, v := range x {
		if v != "" {
			m |= 1 << i
		}
	}
	return m
}

// identityIndex finds, in linear time, the first gone account of a group
// that is the same identity as a live one on another platform.
type identityIndex struct {
	n      int                  // gone accounts added so far (their order)
	keys   map[string]*firstTwo // "i:value" → gone accounts with that identifier
	byMask [8]firstTwo          // identifier mask → gone accounts with it
}

// firstTwo keeps the first gone account and the first one on a different
// platform: enough to answer "first one not on platform p".
type firstTwo struct {
	set   [2]bool
	acc   [2]accounts.Account
	order [2]int
}

func (f *firstTwo) add(a accounts.Account, order int) {
	switch {
	case !f.set[0]:
		f.set[0], f.acc[0], f.order[0] = true, a, order
	case !f.set[1] && a.PlatformID != f.acc[0].PlatformID:
		f.set[1], f.acc[1], f.order[1] = true, a, order
	}
}

// notOn returns the first account not on platform p.
func (f *firstTwo) notOn(p string) (accounts.Account, int, bool) {
	for i := range 2 {
		if f.set[i] && f.acc[i].PlatformID != p {
			return f.acc[i], f.order[i], true
		}
	}
	return accounts.Account{}, 0, false
}

func (x *identityIndex) addGone(a accounts.Account) {
	id := identOf(a)
	for i, v := range id {
		if v == "" {
			continue
		}
		k := string(rune('0'+i)) + ":" + v
		if x.keys[k] == nil {
			x.keys[k] = &firstTwo{}
		}
		x.keys[k].add(a, x.n)
	}
	x.byMask[id.mask()].add(a, x.n)
	x.n++
}

// match finds the first gone account on another platform that shares an
// identifier with a, or has none a could be compared with.
func (x *identityIndex) match(a accounts.Account) (accounts.Account, bool) {
	id := identOf(a)
	best, bestOrder, found := accounts.Account{}, 0, false
	consider := func(f *firstTwo) {
		if f == nil {
			return
		}
		if d, o, ok := f.notOn(a.PlatformID); ok && (!found || o < bestOrder) {
			best, bestOrder, found = d, o, true
		}
	}
	for i, v := range id {
		if v != "" {
			consider(x.keys[string(rune('0'+i))+":"+v])
		}
	}
	m := id.mask()
	for dm := range x.byMask {
		if dm&m == 0 {
			consider(&x.byMask[dm])
		}
	}
	return best, found
}
