package account

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/ui/kit"
)

// trackState is what the steps pane needs to know about one track of the
// shown account, worked out once per show.
type trackState struct {
	applies  bool
	state    catalog.TrackState
	blockers []catalog.BlockerState
	// locked: the steps cannot be ticked as if the track could succeed
	// (the platform does not offer it, or a blocker is in force).
	locked bool
}

func stateOf(d *detailView, t catalog.Track) trackState {
	s := trackState{applies: t.Applies(d.acc), state: t.StateFor(d.acc, d.tracks), blockers: t.BlockersFor(d.acc, d.tracks)}
	s.locked = !t.NotPossible.IsZero() || slices.ContainsFunc(s.blockers, func(b catalog.BlockerState) bool { return b.Active })
	return s
}

// stateSuffix is the short state shown after a track's title.
func stateSuffix(d *detailView, t catalog.Track, s trackState) string {
	p := accounts.FindTrack(d.tracks, t.Kind)
	switch {
	case s.state == catalog.StateNotPossible:
		return lang.L("not offered by the platform")
	case s.state == catalog.StateCoolingOff && p.CoolingUntil != nil:
		return lang.L("cooling-off until {{.Date}}", map[string]string{"Date": kit.FormatDate(*p.CoolingUntil)})
	case s.state == catalog.StateBlocked:
		return lang.L("blocked")
	case !s.applies:
		return lang.L("not for this account ({{.Why}})", map[string]string{"Why": missingFlagText(t.MissingFlag())})
	}
	return ""
}

func missingFlagText(f catalog.Flag) string {
	switch f {
	case catalog.FlagSeller:
		return lang.L("not a seller")
	case catalog.FlagRealName:
		return lang.L("no real-name verification")
	case catalog.FlagThirdParty:
		return lang.L("no linked logins")
	}
	return string(f)
}

// facts are the research findings shown above a track's checklist: what
// the platform does not offer, what blocks the track, its cooling-off.
func (v *stepsView) facts(d *detailView, t catalog.Track, s trackState) []fyne.CanvasObject {
	l := v.u.env().Lang
	var out []fyne.CanvasObject
	if !t.NotPossible.IsZero() {
		out = append(out, kit.Note(theme.ErrorIcon(), lang.L("The platform does not offer this: {{.Why}} The steps below are the ways around it.",
			map[string]string{"Why": t.NotPossible.In(l)}), widget.DangerImportance))
	}
	if !s.applies {
		out = append(out, kit.Note(theme.InfoIcon(), lang.L("Not for this account ({{.Why}}). Open it only if that is wrong; then edit the account.",
			map[string]string{"Why": missingFlagText(t.MissingFlag())}), widget.MediumImportance))
	}
	for _, b := range s.blockers {
		out = append(out, v.blockerRow(d, t, b))
	}
	if t.BlockersChecked && len(t.Blockers) == 0 {
		out = append(out, smallWrap(lang.L("Blockers: none found in the sources.")))
	}
	out = append(out, smallWrap(coolingText(t)))
	for _, dis := range t.Disagreements {
		out = append(out, kit.Note(theme.QuestionIcon(), disagreementText(dis, l), widget.WarningImportance))
	}
	return out
}

func (v *stepsView) blockerRow(d *detailView, t catalog.Track, b catalog.BlockerState) fyne.CanvasObject {
	l := v.u.env().Lang
	lines := []string{b.When.In(l)}
	if !b.WayOut.IsZero() {
		lines = append(lines, lang.L("Way out: {{.X}}", map[string]string{"X": b.WayOut.In(l)}))
	}
	if !b.Fallback.IsZero() {
		lines = append(lines, lang.L("Instead: {{.X}}", map[string]string{"X": b.Fallback.In(l)}))
	}
	icon, imp := theme.WarningIcon(), widget.WarningImportance
	switch {
	case !b.Active:
		icon, imp = theme.ConfirmIcon(), widget.SuccessImportance
	case b.Permanent && !b.Confirmable:
		lines[0] = lang.L("Cannot be done for this account: {{.X}}", map[string]string{"X": b.When.In(l)})
		icon, imp = theme.ErrorIcon(), widget.DangerImportance
	}
	box := container.NewVBox(kit.Note(icon, strings.Join(lines, "\n"), imp))
	if b.Confirmable {
		key := accounts.BlockerKey(b.ID)
		c := widget.NewCheck(lang.L("Does not apply to me (or I cleared it)"), nil)
		c.SetChecked(accounts.FindTrack(d.tracks, t.Kind).IsDone(key))
		c.OnChanged = func(on bool) { v.u.onTick(d.acc, t.Kind, key, on) }
		v.checks[string(t.Kind)+"/"+key] = c
		box.Add(c)
	}
	return box
}

// coolingText states the track's cooling-off as the sources give it.
func coolingText(t catalog.Track) string {
	co := t.CoolingOff
	switch {
	case co == nil:
		return lang.L("Cooling-off: not researched.")
	case co.Kind == catalog.CoolingNone:
		return lang.L("Cooling-off: none; the sources say the request takes effect at once.")
	case co.Kind == catalog.CoolingNotFound:
		return lang.L("Cooling-off: none found in the sources; the app shows it before you confirm.")
	}
	days := strconv.Itoa(co.Days.Max)
	if co.Days.Min != co.Days.Max {
		days = strconv.Itoa(co.Days.Min) + "–" + days
		return lang.L("Cooling-off: {{.Days}} days (sources disagree; the app shows the exact figure before you confirm). Signing in during it cancels the deletion.",
			map[string]string{"Days": days})
	}
	return lang.L("Cooling-off: {{.Days}} days. Signing in during it cancels the deletion.", map[string]string{"Days": days})
}

func disagreementText(d catalog.Disagreement, l string) string {
	parts := make([]string, len(d.Claims))
	for i, c := range d.Claims {
		site := siteName(c.URL)
		parts[i] = c.Says.In(l) + " (" + site + ")"
	}
	return lang.L("Sources disagree ({{.About}}): {{.Claims}}", map[string]string{"About": topicLabel(d.About), "Claims": strings.Join(parts, lang.L("; "))})
}

func topicLabel(about string) string {
	switch about {
	case "cooling_off":
		return lang.L("cooling-off")
	case "review":
		return lang.L("review time")
	case "steps":
		return lang.L("steps")
	case "blockers":
		return lang.L("blockers")
	case "afterwards":
		return lang.L("afterwards")
	}
	return lang.L("other topic") // not "other": go-i18n reads that key as a plural form
}

// siteName is the site of a source URL, or "seed article" for a seed.
func siteName(u string) string {
	if site := catalog.SiteOf(u); site != "" {
		return site
	}
	return lang.L("seed article")
}

// sources lists a track's sources as readable links: title, site and the
// day it was read, marked when older than a year; or says plainly that no
// source backs the track.
func sources(t catalog.Track, now time.Time) fyne.CanvasObject {
	switch {
	case t.Source == catalog.SourceUser:
		return smallWrap(lang.L("Steps written by you."))
	case !t.IsSourced():
		return kit.Note(theme.WarningIcon(), lang.L("Unverified: no public source backs these steps yet; the platform's own pages win."), widget.WarningImportance)
	}
	box := container.NewVBox(smallWrap(lang.L("Sources")))
	for _, s := range t.Sources {
		where := siteName(s.URL)
		meta := lang.L("{{.Site}}, read {{.Date}}", map[string]string{"Site": where, "Date": s.Retrieved})
		if s.Age(now) > catalog.StaleAfter {
			meta += " · " + lang.L("older than a year")
		}
		title := s.Title
		if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
			link := widget.NewHyperlink(title, u)
			link.Wrapping = fyne.TextWrapWord
			box.Add(container.NewVBox(link, smallWrap(meta)))
			continue
		}
		box.Add(container.NewVBox(kit.Body(title), smallWrap(meta)))
	}
	return box
}
