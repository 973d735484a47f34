package kit

import (
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/unbindapp/unbind/accounts/catalog"
)

// SortPlatforms orders platforms as a list shows them: the person's own
// first, then by name in the UI's language — by pinyin in Chinese (the
// order a Chinese reader looks things up in), alphabetically in English.
func SortPlatforms(ps []catalog.Platform, cat *catalog.Catalog) {
	l := Lang()
	tag := language.English
	if l == LangZh {
		tag = language.Chinese // pinyin order
	}
	col := collate.New(tag, collate.Loose)
	own := func(p catalog.Platform) bool { return cat != nil && cat.FromUser(p.ID) }
	slices.SortStableFunc(ps, func(a, b catalog.Platform) int {
		if oa, ob := own(a), own(b); oa != ob {
			if oa {
				return -1
			}
			return 1
		}
		if c := col.CompareString(a.Names.In(l), b.Names.In(l)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}
