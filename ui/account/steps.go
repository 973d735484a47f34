package account

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/ui/inventory"
	"github.com/unbindapp/unbind/ui/kit"
)

// stepsView is the Steps tab: identity-group hints, the backup record and
// one checklist card per catalog track of the platform.
type stepsView struct {
	u       *shell
	box     *fyne.Container
	scroll  *container.Scroll
	content fyne.CanvasObject
	// shownID is the account on show; refreshing the same account keeps
	// the open sections and the scroll position (kinds of the open ones).
	shownID string
	tracks  *kit.Accordion
	kinds   []accounts.TrackKind

	checks  map[string]*widget.Check // "kind/key" → its checkbox
	tickets map[accounts.TrackKind]*widget.Entry
	notes   map[accounts.TrackKind]*widget.Entry
	saves   map[accounts.TrackKind]*widget.Button
	backup  *widget.Button
	// attach, opens and removes are the evidence files' buttons (by track,
	// by file ID), for tests.
	attach         map[accounts.TrackKind]*widget.Button
	opens, removes map[string]*widget.Button
}

func newStepsView(u *shell) *stepsView {
	v := &stepsView{u: u, box: container.NewVBox()}
	v.scroll = kit.NewVScroll(container.NewPadded(v.box))
	v.content = v.scroll
	return v
}

func (v *stepsView) show(d *detailView) {
	same := d.id == v.shownID
	var open map[accounts.TrackKind]bool
	offset := v.scroll.Offset
	if same && v.tracks != nil {
		open = map[accounts.TrackKind]bool{}
		for i, it := range v.tracks.Items {
			open[v.kinds[i]] = it.Open
		}
	}
	v.shownID, v.tracks, v.kinds = d.id, nil, nil
	v.checks = map[string]*widget.Check{}
	v.tickets = map[accounts.TrackKind]*widget.Entry{}
	v.notes = map[accounts.TrackKind]*widget.Entry{}
	v.saves = map[accounts.TrackKind]*widget.Button{}
	v.attach = map[accounts.TrackKind]*widget.Button{}
	v.opens, v.removes = map[string]*widget.Button{}, map[string]*widget.Button{}
	objs := v.hints(d)
	objs = append(objs, v.backupRow(d.acc))
	if !d.known || len(d.platform.Tracks) == 0 {
		objs = append(objs, kit.Note(theme.InfoIcon(),
			lang.L("This platform is not in the catalog, so Unbind has no steps for it. Create it as a custom platform with its own steps, or ask its customer service to delete the account and your personal data."),
			widget.MediumImportance),
			container.NewHBox(widget.NewButtonWithIcon(lang.L("Create custom platform…"), theme.ContentAddIcon(),
				func() { v.u.onCustomPlatform(d.acc) })))
	}
	if len(d.platform.Tracks) > 0 {
		objs = append(objs, v.trackList(d, open))
	}
	v.box.Objects = objs
	v.box.Refresh()
	if same {
		v.scroll.Offset = offset
	} else {
		v.scroll.Offset = fyne.Position{}
	}
	v.scroll.Refresh()
}

// hints explain what else leaving this platform touches.
func (v *stepsView) hints(d *detailView) []fyne.CanvasObject {
	if !d.known || v.u.env().Catalog == nil {
		return nil
	}
	cat, l, p := v.u.env().Catalog, v.u.env().Lang, d.platform
	var out []fyne.CanvasObject
	if cat.Overrides(p.ID) {
		out = append(out, kit.Note(theme.WarningIcon(), lang.L("These steps come from your own catalog file {{.File}}, which replaces Unbind's researched entry for this platform.",
			map[string]string{"File": cat.Origin(p.ID)}), widget.WarningImportance))
	}
	group := cat.GroupOf(p.ID)
	if len(group) > 1 {
		owner := group[0]
		var others []string
		for _, g := range group {
			if g.ID != p.ID && g.ID != owner.ID {
				others = append(others, g.Names.In(l))
			}
		}
		data := map[string]string{"Owner": owner.Names.In(l), "This": p.Names.In(l), "Others": strings.Join(others, lang.L(", "))}
		var text string
		switch {
		case owner.ID == p.ID:
			text = lang.L("{{.Others}} use this same {{.Owner}} account: deleting it here also ends them.", data)
		case len(others) == 0:
			text = lang.L("{{.This}} belongs to your {{.Owner}} account: it cannot outlive it, and deleting the {{.Owner}} account also ends it.", data)
		default:
			text = lang.L("{{.This}} uses your {{.Owner}} account, shared with {{.Others}}: deleting the {{.Owner}} account ends all of them.", data)
		}
		out = append(out, kit.Note(theme.InfoIcon(), text, widget.HighImportance))
	}
	if tied := cat.TiedTo(p.ID); len(tied) > 0 {
		names := make([]string, len(tied))
		for i, t := range tied {
			names[i] = t.Names.In(l)
		}
		out = append(out, kit.Note(theme.InfoIcon(), lang.L("Tied to {{.Names}}: it is a separate account, but leaving one affects the other. Check it too.",
			map[string]string{"Names": strings.Join(names, lang.L(", "))}), widget.MediumImportance))
	}
	return out
}

func (v *stepsView) backupRow(a accounts.Account) fyne.CanvasObject {
	text := lang.L("No backup recorded yet.")
	if a.LastBackupAt != nil {
		text = lang.L("Last backup: {{.Date}}", map[string]string{"Date": kit.FormatDate(*a.LastBackupAt)})
	}
	v.backup = widget.NewButtonWithIcon(lang.L("Record backup…"), theme.DocumentSaveIcon(), func() { v.u.onRecordBackup(a) })
	return kit.NewBorder(nil, nil, nil, v.backup, widget.NewLabel(text))
}

// trackList shows one collapsible section per catalog track, in catalog
// order (the order the work is usually done), with the track being
// worked on open; open (non-nil when the same account is refreshed) keeps
// the sections the person opened or closed as they were.
func (v *stepsView) trackList(d *detailView, open map[accounts.TrackKind]bool) fyne.CanvasObject {
	acc := kit.NewAccordion() // every section opens on its own
	v.tracks = acc
	current := accounts.TrackKind("")
	if ct, ok := inventory.CurrentTrack(d.acc, d.tracks, d.platform); ok {
		current = ct.Kind
	}
	for _, r := range inventory.RunningReviews(d.acc, d.tracks, d.platform) {
		current = r.Track
	}
	for i, t := range d.platform.Tracks {
		st := stateOf(d, t)
		acc.Append(widget.NewAccordionItem(v.trackTitle(d, t, st), v.trackBody(d, t, st)))
		v.kinds = append(v.kinds, t.Kind)
		was, known := open[t.Kind]
		switch {
		case known:
			acc.Items[i].Open = was
		case t.Kind == current || (current == "" && i == 0 && st.applies):
			acc.Items[i].Open = true
		}
	}
	return acc
}

// trackTitle is a track's name with its progress, e.g. "Delete the
// account · 3/7 · Submitted".
func (v *stepsView) trackTitle(d *detailView, t catalog.Track, st trackState) string {
	p := inventory.Progress(d.tracks, t.Kind)
	done, all := 0, len(t.Prerequisites)+len(t.Steps)
	for _, pre := range t.Prerequisites {
		if p.IsDone(accounts.PrereqKey(pre.ID)) {
			done++
		}
	}
	for i := range t.Steps {
		if p.IsDone(accounts.StepKey(i)) {
			done++
		}
	}
	title := kit.TrackLabel(t.Kind) + "  ·  " + strconv.Itoa(done) + "/" + strconv.Itoa(all)
	switch suffix := stateSuffix(d, t, st); {
	case p.CompletedAt != nil:
		title += "  ·  " + lang.L("Completed")
	case suffix != "":
		title += "  ·  " + suffix
	case p.SubmittedAt != nil:
		title += "  ·  " + kit.StatusLabel(accounts.StatusSubmitted)
	}
	return title
}

func (v *stepsView) trackBody(d *detailView, t catalog.Track, st trackState) fyne.CanvasObject {
	l := v.u.env().Lang
	progress := inventory.Progress(d.tracks, t.Kind)
	box := container.NewVBox()
	box.Add(smallWrap(trackMeta(t)))
	for _, f := range v.facts(d, t, st) {
		box.Add(f)
	}
	if progress.SubmittedAt != nil || progress.CompletedAt != nil {
		box.Add(kit.Note(theme.ConfirmIcon(), trackDates(progress), widget.HighImportance))
	}
	for _, r := range v.u.env().Catalog.RequiredBefore(d.platform.ID, t.Kind) {
		box.Add(kit.Note(theme.WarningIcon(), v.requirementText(d.platform, r), widget.WarningImportance))
	}
	if !t.Loses.IsZero() {
		box.Add(kit.Body(lang.L("You lose: {{.X}}", map[string]string{"X": t.Loses.In(l)})))
	}
	if len(t.Prerequisites) > 0 {
		box.Add(kit.Heading(lang.L("Before you start")))
		for _, pre := range t.Prerequisites {
			box.Add(v.checkRow(d.acc, t.Kind, accounts.PrereqKey(pre.ID), pre.Text.In(l), "", progress))
		}
	}
	box.Add(kit.Heading(lang.L("Steps")))
	if st.locked && progress.SubmittedAt == nil && progress.CompletedAt == nil {
		box.Add(smallWrap(lang.L("The steps cannot be ticked while the track is blocked; clear what blocks it above.")))
	}
	for i, s := range t.Steps {
		row := v.checkRow(d.acc, t.Kind, accounts.StepKey(i), strconv.Itoa(i+1)+". "+s.Text.In(l), appPath(s.Path, l), progress)
		if st.locked && !progress.IsDone(accounts.StepKey(i)) {
			v.checks[string(t.Kind)+"/"+accounts.StepKey(i)].Disable()
		}
		box.Add(row)
	}
	if !t.Afterwards.IsZero() {
		box.Add(kit.Body(lang.L("Afterwards: {{.X}}", map[string]string{"X": t.Afterwards.In(l)})))
	}
	if !t.Notes.IsZero() {
		box.Add(smallWrap(t.Notes.In(l)))
	}
	box.Add(v.evidenceRow(d.acc, t.Kind, progress))
	box.Add(v.evidenceFiles(d, t.Kind))
	box.Add(sources(t, v.u.env().Now()))
	return box
}

// checkRow is one checklist item. When it was done stands in a column of
// its own, of the same width ticked or not, so a tick changes no line
// break and moves no other checkbox.
func (v *stepsView) checkRow(a accounts.Account, kind accounts.TrackKind, key, text, path string, progress accounts.Track) fyne.CanvasObject {
	c := widget.NewCheck("", nil)
	at, done := progress.Done[key]
	c.SetChecked(done)
	c.OnChanged = func(on bool) { v.onCheck(c, a, kind, key, text, on, at) }
	v.checks[string(kind)+"/"+key] = c
	lines := container.NewVBox(kit.Body(text))
	if path != "" {
		lines.Add(smallWrap("→ " + path))
	}
	when := kit.SmallText("")
	if done {
		when.Text = lang.L("Done {{.Time}}", map[string]string{"Time": kit.FormatDateTime(at)})
	}
	column := kit.NewFixedWidth(doneColumnWidth(), container.NewVBox(when))
	return kit.NewBorder(nil, nil, container.NewVBox(c), column, lines)
}

func (v *stepsView) evidenceRow(a accounts.Account, kind accounts.TrackKind, progress accounts.Track) fyne.CanvasObject {
	ticket := widget.NewEntry()
	ticket.SetPlaceHolder(lang.L("Ticket or application number"))
	ticket.SetText(progress.Ticket)
	noteEntry := widget.NewEntry()
	noteEntry.SetPlaceHolder(lang.L("Note (who you spoke to, what they said)"))
	noteEntry.SetText(progress.Note)
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), func() {
		v.u.onEvidence(a, kind, ticket.Text, noteEntry.Text)
	})
	v.tickets[kind], v.notes[kind], v.saves[kind] = ticket, noteEntry, save
	return kit.NewBorder(nil, nil, nil, save, container.NewGridWithColumns(2, ticket, noteEntry))
}

func (v *stepsView) requirementText(p catalog.Platform, r catalog.Requirement) string {
	data := map[string]string{"Track": kit.TrackLabel(r.After), "Why": r.Why.In(v.u.env().Lang)}
	if r.Platform != "" && r.Platform != p.ID {
		other, _ := v.u.platformNames(r.Platform)
		data["Platform"] = other
		return lang.L("First \"{{.Track}}\" on {{.Platform}}: {{.Why}}", data)
	}
	return lang.L("First \"{{.Track}}\": {{.Why}}", data)
}

// trackMeta is the one-line summary under a track's title.
func trackMeta(t catalog.Track) string {
	parts := []string{kit.ChannelLabel(t.Channel)}
	for _, c := range t.AltChannels {
		parts[0] += " / " + kit.ChannelLabel(c)
	}
	if w := t.ReviewWorkdays; w != nil && w.Max > 0 {
		span := strconv.Itoa(w.Max)
		if w.Min > 0 && w.Min != w.Max {
			span = strconv.Itoa(w.Min) + "–" + span
		}
		parts = append(parts, lang.L("review {{.Span}} working days", map[string]string{"Span": span}))
	}
	parts = append(parts, lang.L("difficulty: {{.D}}", map[string]string{"D": kit.DifficultyLabel(t.Difficulty)}))
	if t.Irreversible {
		parts = append(parts, lang.L("irreversible"))
	}
	return strings.Join(parts, " · ")
}

func trackDates(p accounts.Track) string {
	var parts []string
	if p.SubmittedAt != nil {
		parts = append(parts, lang.L("Submitted {{.Date}}", map[string]string{"Date": kit.FormatDateTime(*p.SubmittedAt)}))
	}
	if p.CompletedAt != nil {
		parts = append(parts, lang.L("Completed {{.Date}}", map[string]string{"Date": kit.FormatDateTime(*p.CompletedAt)}))
	}
	return strings.Join(parts, " · ")
}

// smallWrap is wrapping secondary text.
func smallWrap(text string) *kit.Paragraph { return kit.Secondary(text) }

// appPath is an in-app path as the person will see it on their phone: the
// apps are in Chinese, so the English path carries the Chinese labels too
// ("My Taobao → Settings (我的淘宝 → 设置)").
func appPath(p catalog.Text, l string) string {
	text := p.In(l)
	if l != kit.LangZh && p.Zh != "" && p.Zh != text {
		text += " (" + p.Zh + ")"
	}
	return text
}
