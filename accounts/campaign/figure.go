package campaign

import "strings"

// Figure names one figure whose accounts a person can list (the overview
// opens the inventory filtered to them).
type Figure string

// The figures with account lists; GroupFigure and StatusFigure make the
// others.
const (
	FigureBlocked       Figure = "blocked"
	FigureCoolingOff    Figure = "cooling_off"
	FigureRealNameBound Figure = "real_name_bound"
	FigurePhoneBound    Figure = "phone_bound"
	FigureSecretsGone   Figure = "secrets_gone"
)

// GroupFigure is the figure of one identity group's accounts.
func GroupFigure(group string) Figure { return Figure("group:" + group) }

// IDs lists the IDs of the figure's accounts (nil for an unknown figure).
func (f Figures) IDs(fig Figure) []string {
	var refs []Ref
	switch fig {
	case FigureBlocked:
		for _, b := range f.Blocked {
			refs = append(refs, b.Ref)
		}
	case FigureCoolingOff:
		for _, c := range f.CoolingOff {
			refs = append(refs, c.Ref)
		}
	case FigureRealNameBound:
		refs = f.RealNameBound
	case FigurePhoneBound:
		refs = f.PhoneBound
	case FigureSecretsGone:
		refs = f.SecretsGone
	default:
		g, ok := strings.CutPrefix(string(fig), "group:")
		if !ok {
			return nil
		}
		for _, gc := range f.ByGroup {
			if gc.Group == g {
				refs = gc.Accounts
			}
		}
	}
	ids := make([]string, 0, len(refs))
	for _, r := range refs {
		if len(ids) == 0 || ids[len(ids)-1] != r.ID {
			ids = append(ids, r.ID)
		}
	}
	return ids
}
