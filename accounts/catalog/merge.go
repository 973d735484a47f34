package catalog

import "slices"

// ImportNote reports what happened to one imported site that was not
// simply added.
type ImportNote struct {
	Site    string // the site's name
	Skipped bool   // false: added, but with Reason (a domain left out)
	Reason  Text
}

// MergeImport decides which imported platforms (from ImportJDM) to write
// to the user file target: a site whose ID or exact domain the catalog
// already has, from anywhere but target itself, is skipped, since a
// re-import replaces target; a domain two imported sites share stays with
// the first. The result loads without conflicts on top of c.
func MergeImport(c *Catalog, sites []Platform, target string) ([]Platform, []ImportNote) {
	var (
		kept    []Platform
		notes   []ImportNote
		claimed = map[string]string{} // domain → imported ID
	)
	for _, p := range sites {
		if why, covered := c.covers(p, target); covered {
			notes = append(notes, ImportNote{Site: p.Names.En, Skipped: true, Reason: why})
			continue
		}
		var domains []string
		for _, d := range p.Domains {
			if first, dup := claimed[d]; dup {
				notes = append(notes, ImportNote{Site: p.Names.En, Reason: Text{
					Zh: "域名 " + d + " 已归 " + first + "，此处不再使用",
					En: "domain " + d + " already belongs to " + first + "; left out here"}})
				continue
			}
			claimed[d] = p.ID
			domains = append(domains, d)
		}
		p.Domains = domains
		kept = append(kept, p)
	}
	return kept, notes
}

func (c *Catalog) covers(p Platform, target string) (Text, bool) {
	if _, ok := c.Platform(p.ID); ok && c.Origin(p.ID) != target {
		return Text{Zh: "ID 已在目录中（" + c.Origin(p.ID) + "）", En: "ID already in the catalog (" + c.Origin(p.ID) + ")"}, true
	}
	for _, d := range p.Domains {
		if q, ok := c.MatchHost(d); ok && slices.Contains(q.Domains, d) && c.Origin(q.ID) != target {
			return Text{Zh: "域名 " + d + " 已属于 " + q.ID, En: "domain " + d + " is already covered by " + q.ID}, true
		}
	}
	return Text{}, false
}
