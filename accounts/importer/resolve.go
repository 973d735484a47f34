package importer

// Resolution is what to do with a proposal that matches an inventory
// account: the person picks it per row of the preview.
type Resolution string

// The resolutions.
const (
	// ResolveMerge fills the matched account's empty fields (nothing is
	// overwritten).
	ResolveMerge Resolution = "merge"
	// ResolveAdd adds the proposal as another account.
	ResolveAdd Resolution = "add"
	// ResolveSkip leaves the proposal out.
	ResolveSkip Resolution = "skip"
)

// Resolutions are the choices, in the order the preview offers them.
var Resolutions = []Resolution{ResolveMerge, ResolveAdd, ResolveSkip}

// DefaultResolution is the choice the preview starts with: merge into an
// account still there, skip one the person deleted (an old export should
// not bring it back).
func DefaultResolution(m Match) Resolution {
	if m.Deleted() {
		return ResolveSkip
	}
	return ResolveMerge
}

// Resolve applies r to p, which matches m; ok is false for ResolveSkip:
// leave p out.
func Resolve(p Proposal, m Match, r Resolution) (out Proposal, ok bool) {
	p.MergeInto, p.AddNew = "", false
	switch r {
	case ResolveSkip:
		return p, false
	case ResolveAdd:
		p.AddNew = true
	default:
		p.MergeInto = m.AccountID
	}
	return p, true
}
