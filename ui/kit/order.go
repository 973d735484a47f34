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
	l, col := Lang(), collator()
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

// SortByName orders names (with their ids alongside) as SortPlatforms
// does, for lists of names such as the platform filter.
func SortByName(ids, names []string) {
	col := collator()
	idx := make([]int, len(names))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return col.CompareString(names[a], names[b]) })
	sortedIDs, sortedNames := make([]string, len(ids)), make([]string, len(names))
	for to, from := range idx {
		sortedIDs[to], sortedNames[to] = ids[from], names[from]
	}
	copy(ids, sortedIDs)
	copy(names, sortedNames)
}

// collator compares names in the UI's language: pinyin in Chinese.
func collator() *collate.Collator {
	if Lang() == LangZh {
		return collate.New(language.Chinese, collate.Loose)
	}
	return collate.New(language.English, collate.Loose)
}
