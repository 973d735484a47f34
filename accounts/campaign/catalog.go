package campaign

import (
	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
)

// FromCatalog adapts the platform catalog to Platforms (nil for nil).
func FromCatalog(c *catalog.Catalog) Platforms {
	if c == nil {
		return nil
	}
	return catalogPlatforms{c}
}

type catalogPlatforms struct{ c *catalog.Catalog }

var _ Platforms = catalogPlatforms{}

func (p catalogPlatforms) Group(id string) string {
	if pl, ok := p.c.Platform(id); ok {
		return pl.IdentityGroup()
	}
	return ""
}

// Blocked asks the catalog's guard about the platform's main track: the
// same answer a status change would get.
func (p catalogPlatforms) Blocked(a accounts.Account, tracks []accounts.Track) *accounts.BlockedError {
	err := catalog.Guard{Catalog: p.c}.CheckTrack(a, tracks, "", accounts.StatusSubmitted)
	if be, ok := err.(*accounts.BlockedError); ok {
		return be
	}
	return nil
}
