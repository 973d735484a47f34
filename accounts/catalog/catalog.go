package catalog

import (
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/unbindapp/unbind/accounts"
)

// Catalog is a loaded, checked set of platforms. It is immutable after
// Load or New, so the GUI and CLI may share one across goroutines.
type Catalog struct {
	all    []Platform        // sorted by ID
	byID   map[string]int    // ID → index in all
	hosts  map[string]string // domain → platform ID
	origin map[string]string // ID → file it came from
	// overridden marks IDs whose built-in entry a person's file replaced.
	overridden map[string]bool
	user       map[string]bool // IDs that come from the person's files
}

// Overrides reports whether a person's catalog file replaced the built-in
// entry of id, so the steps shown are theirs, not the researched ones.
func (c *Catalog) Overrides(id string) bool { return c.overridden[id] }

// Len returns the number of platforms.
func (c *Catalog) Len() int { return len(c.all) }

// Platform returns the platform with the given ID.
func (c *Catalog) Platform(id string) (Platform, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Platform{}, false
	}
	return c.all[i], true
}

// All returns every platform, sorted by ID.
func (c *Catalog) All() []Platform { return slices.Clone(c.all) }

// Origin returns the file a platform was loaded from (for messages such as
// "overridden by ~/.config/unbind/catalog/taobao.json").
func (c *Catalog) Origin(id string) string { return c.origin[id] }

// FromUser reports whether the platform comes from the person's own files
// (a custom platform, or their replacement of a built-in one).
func (c *Catalog) FromUser(id string) bool { return c.user[id] }

// Search finds platforms whose ID, names (Chinese or English), aliases or
// domains contain query, ignoring case, spaces, dots and dashes: "tmall
// global", "天猫国际" and "tmall.hk" all find tmall-global. Exact matches
// come first, then prefixes, then the rest; an empty query returns All.
func (c *Catalog) Search(query string) []Platform {
	q := foldKey(query)
	if q == "" {
		return c.All()
	}
	type hit struct {
		rank int
		p    Platform
	}
	var hits []hit
	for _, p := range c.all {
		best := -1
		consider := func(s string, base int) {
			k := foldKey(s)
			r := -1
			switch {
			case k == q:
				r = base
			case strings.HasPrefix(k, q):
				r = base + 1
			case strings.Contains(k, q):
				r = base + 2
			}
			if r >= 0 && (best < 0 || r < best) {
				best = r
			}
		}
		consider(p.ID, 0)
		consider(p.Names.Zh, 0)
		consider(p.Names.En, 0)
		for _, a := range p.Aliases {
			consider(a, 0)
		}
		for _, d := range p.Domains {
			consider(d, 3) // a domain match is weaker than a name match
		}
		if best >= 0 {
			hits = append(hits, hit{best, p})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.rank - b.rank })
	out := make([]Platform, len(hits))
	for i, h := range hits {
		out[i] = h.p
	}
	return out
}

func foldKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '-', '_', '.', '·', '　':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// MatchHost finds the platform a host belongs to: a domain of the platform
// or any subdomain of one (login.taobao.com, m.jd.com). When domains nest,
// the longest wins (weixin.qq.com is WeChat, mail.qq.com is QQ). host may
// also be a URL or carry a port.
func (c *Catalog) MatchHost(host string) (Platform, bool) {
	h := normaliseHost(host)
	for h != "" {
		if id, ok := c.hosts[h]; ok {
			return c.Platform(id)
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	return Platform{}, false
}

func normaliseHost(host string) string {
	h := strings.ToLower(strings.TrimSpace(host))
	if strings.Contains(h, "://") {
		if u, err := url.Parse(h); err == nil {
			h = u.Hostname()
		}
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:] // user@host
	}
	if hh, _, err := net.SplitHostPort(h); err == nil {
		h = hh
	}
	return strings.TrimSuffix(h, ".")
}

// GroupOf returns the platforms that share id's underlying account (its
// identity group), the group's main platform first and id itself included;
// nil when id is unknown.
func (c *Catalog) GroupOf(id string) []Platform {
	p, ok := c.Platform(id)
	if !ok {
		return nil
	}
	g := p.IdentityGroup()
	var out []Platform
	if owner, ok := c.Platform(g); ok {
		out = append(out, owner)
	}
	for _, q := range c.all {
		if q.IdentityGroup() == g && q.ID != g {
			out = append(out, q)
		}
	}
	return out
}

// TiedTo returns the platforms tied to id either way (Taobao lists Alipay,
// so each is tied to the other), sorted by ID.
func (c *Catalog) TiedTo(id string) []Platform {
	p, ok := c.Platform(id)
	if !ok {
		return nil
	}
	var out []Platform
	for _, q := range c.all {
		if q.ID != id && (slices.Contains(p.TiedTo, q.ID) || slices.Contains(q.TiedTo, id)) {
			out = append(out, q)
		}
	}
	return out
}

// ByCompany returns the platforms of one company (e.g. "alibaba"), sorted by ID.
func (c *Catalog) ByCompany(companyID string) []Platform {
	var out []Platform
	for _, p := range c.all {
		if companyID != "" && p.Company.ID == companyID {
			out = append(out, p)
		}
	}
	return out
}

// RequiredBefore lists what must be done before track kind of platform id
// can go ahead: its Requires entries, naming the other platform where
// there is one.
func (c *Catalog) RequiredBefore(id string, kind accounts.TrackKind) []Requirement {
	p, ok := c.Platform(id)
	if !ok {
		return nil
	}
	var out []Requirement
	for _, r := range p.Requires {
		if r.Track == kind {
			if r.Platform == "" {
				r.Platform = id
			}
			out = append(out, r)
		}
	}
	return out
}
