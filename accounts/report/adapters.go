package report

import (
	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/campaign"
	"github.com/unbindapp/unbind/accounts/catalog"
)

// FromCatalog adapts the platform catalog to PlatformInfo (nil for nil).
// It reads the catalog once, so the result is cheap to query and safe to
// share.
func FromCatalog(c *catalog.Catalog) PlatformInfo {
	if c == nil {
		return nil
	}
	ci := catalogInfo{facts: map[string]platformFacts{}, blocks: campaign.FromCatalog(c)}
	for _, p := range c.All() {
		e := platformFacts{names: p.Names, group: p.IdentityGroup()}
		for _, t := range p.Tracks {
			ti := TrackInfo{Kind: t.Kind}
			for i := range t.Steps {
				ti.Checklist = append(ti.Checklist, accounts.StepKey(i))
			}
			for _, pre := range t.Prerequisites {
				ti.Checklist = append(ti.Checklist, accounts.PrereqKey(pre.ID))
			}
			if t.ReviewWorkdays != nil {
				ti.ReviewWorkdays = t.ReviewWorkdays.Max
			}
			ti.Applies = t.Applies
			for _, src := range t.Sources {
				ti.Sources = append(ti.Sources, SourceEntry{Title: src.Title, URL: src.URL, Retrieved: src.Retrieved})
			}
			e.tracks = append(e.tracks, ti)
		}
		ci.facts[p.ID] = e
	}
	return ci
}

type platformFacts struct {
	names  catalog.Text
	group  string
	tracks []TrackInfo
}

type catalogInfo struct {
	facts  map[string]platformFacts
	blocks campaign.Platforms
}

func (c catalogInfo) Name(id, lang string) string { return c.facts[id].names.In(lang) }

func (c catalogInfo) Group(id string) string { return c.facts[id].group }

func (c catalogInfo) Tracks(id string) []TrackInfo { return c.facts[id].tracks }

func (c catalogInfo) Blocked(a accounts.Account, tracks []accounts.Track) *accounts.BlockedError {
	return c.blocks.Blocked(a, tracks)
}
