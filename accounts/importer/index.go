package importer

import (
	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/store"
)

// Index answers, for the preview, whether a proposal is already in the
// inventory: by the store's merge key (platform and login), or for a
// proposal without a login the way Apply decides (see
// ApplyResult.AlreadyThere).
type Index struct {
	keys map[string]bool
}

// NewIndex indexes the inventory's accounts.
func NewIndex(existing []accounts.Account) *Index {
	ix := &Index{keys: make(map[string]bool, len(existing))}
	for _, a := range existing {
		ix.keys[indexKey(a)] = true
	}
	return ix
}

// Has reports whether p's account is already in the inventory; importing
// it merges into that account instead of adding one.
func (ix *Index) Has(p Proposal) bool {
	if ix == nil {
		return false
	}
	return ix.keys[indexKey(p.Account())]
}

func indexKey(a accounts.Account) string {
	if k := store.MergeKey(a); k != "" {
		return k
	}
	return "\x01" + loginlessKey(a.PlatformID, a.Name)
}
