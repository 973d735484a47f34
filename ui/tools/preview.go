package tools

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/importer"
	"github.com/unbindapp/unbind/ui/kit"
)

// importPreview is the wizard's second step: the detected format (which
// the person may change), the proposed accounts with a checkbox each, the
// toggle for entries on no shopping platform and the keyring option.
type importPreview struct {
	w       *ImportWizard
	content fyne.CanvasObject

	format        *widget.Select
	detected      *widget.Label
	notices       *toolMessage
	list          *widget.List
	showOther     *widget.Check
	withPasswords *widget.Check
	count         *widget.Label
	all, none     *widget.Button
	back          *widget.Button
	importBtn     *widget.Button

	loading bool // the format select is being set, not chosen
	path    string
	res     importer.Result
	props   []importer.Proposal
	inInv   []bool
	chosen  []bool
	shown   []int // indexes into props, in file order
	// matches are the inventory accounts the proposals match (nil for
	// none); resolution is the person's choice for each match.
	matches    []*importer.Match
	resolution []importer.Resolution
}

func newImportPreview(w *ImportWizard) *importPreview {
	p := &importPreview{w: w}
	options := []string{formatLabel(importer.FormatAuto)}
	for _, f := range importer.Formats {
		options = append(options, formatLabel(f))
	}
	p.format = widget.NewSelect(options, p.onFormat)
	p.detected = widget.NewLabel("")
	p.detected.Wrapping = fyne.TextWrapWord
	p.notices = newToolMessage()
	p.list = widget.NewList(func() int { return len(p.shown) }, newImportRow, p.fillRow)
	p.showOther = widget.NewCheck(lang.L("Show entries that are not on a shopping platform"), func(bool) { p.refilter() })
	p.withPasswords = widget.NewCheck(lang.L("Also store passwords in the system keyring"), nil)
	if w.t.Secrets == nil {
		p.withPasswords.Disable()
	}
	p.count = widget.NewLabel("")
	p.count.Wrapping = fyne.TextWrapWord
	p.all = widget.NewButton(lang.L("Select all"), func() { p.setShown(true) })
	p.none = widget.NewButton(lang.L("Select none"), func() { p.setShown(false) })
	p.back = widget.NewButtonWithIcon(lang.L("Other file"), theme.NavigateBackIcon(), func() { w.show(w.pickStep()) })
	p.importBtn = widget.NewButtonWithIcon("", theme.DownloadIcon(), p.onImport)
	p.importBtn.Importance = widget.HighImportance
	formatRow := kit.NewBorder(nil, nil, widget.NewLabel(lang.L("Format:")), nil, p.format)
	top := container.NewVBox(formatRow, p.detected, p.notices.box, container.NewHBox(p.showOther, layoutSpacerTool(), p.all, p.none),
		newImportHeader())
	cancel := widget.NewButton(lang.L("Cancel"), func() { w.dlg.Hide() })
	bottom := container.NewVBox(p.count, p.withPasswords, container.NewHBox(p.back, layoutSpacerTool(), cancel, p.importBtn))
	p.content = kit.NewBorder(top, bottom, nil, nil, p.list)
	return p
}

// formatLabel is the name of a format in the select.
func formatLabel(f importer.Format) string {
	if f == importer.FormatAuto {
		return lang.L("Detect automatically")
	}
	return f.Label()
}

// load shows what was read from path.
func (p *importPreview) load(path string, res importer.Result, props []importer.Proposal, index *importer.Index) {
	p.path, p.res, p.props = path, res, props
	p.inInv = make([]bool, len(props))
	p.chosen = make([]bool, len(props))
	p.matches = make([]*importer.Match, len(props))
	p.resolution = make([]importer.Resolution, len(props))
	for i, pr := range props {
		p.chosen[i] = pr.PlatformID != "" // the others only when the person ticks them
		if m, ok := index.Match(pr); ok {
			p.inInv[i], p.matches[i] = true, &m
			p.resolution[i] = importer.DefaultResolution(m)
			p.chosen[i] = p.resolution[i] != importer.ResolveSkip
		}
	}
	p.loading = true
	p.format.SetSelected(formatLabel(res.Format))
	p.loading = false
	p.detected.SetText(lang.L("{{.Format}}: {{.N}} logins read from {{.File}}.",
		map[string]any{"Format": res.Format.Label(), "N": len(res.Entries), "File": baseName(path)}))
	notes := make([]string, len(res.Notes))
	for i, n := range res.Notes {
		notes[i] = noticeText(n)
	}
	p.notices.set(strings.Join(notes, "\n"), widget.WarningImportance)
	p.refilter()
}

// failed shows a read error for a format the person chose.
func (p *importPreview) failed(err error) {
	p.props, p.inInv, p.chosen, p.shown, p.matches, p.resolution = nil, nil, nil, nil, nil, nil
	p.notices.setError(oneLineError(err), err)
	p.list.Refresh()
	p.updateCount()
}

func (p *importPreview) onFormat(label string) {
	if p.loading || p.path == "" {
		return
	}
	f := importer.FormatAuto
	for _, c := range importer.Formats {
		if formatLabel(c) == label {
			f = c
		}
	}
	p.w.read(p.path, f)
}

func (p *importPreview) refilter() {
	p.shown = p.shown[:0]
	for i, pr := range p.props {
		if pr.PlatformID != "" || p.showOther.Checked {
			p.shown = append(p.shown, i)
		}
	}
	p.list.Refresh()
	p.updateCount()
}

func (p *importPreview) setShown(on bool) {
	for _, i := range p.shown {
		p.chosen[i] = on
		if m := p.matches[i]; m != nil {
			r := importer.ResolveSkip
			if on {
				if r = importer.DefaultResolution(*m); r == importer.ResolveSkip {
					r = importer.ResolveMerge
				}
			}
			p.resolution[i] = r
		}
	}
	p.list.Refresh()
	p.updateCount()
}

// setChosen ticks or unticks the proposal at index i of props.
func (p *importPreview) setChosen(i int, on bool) {
	p.chosen[i] = on
	p.updateCount()
}

// setResolution is the person's choice for the proposal at index i of
// props, which matches an inventory account.
func (p *importPreview) setResolution(i int, r importer.Resolution) {
	p.resolution[i] = r
	p.chosen[i] = r != importer.ResolveSkip
	p.updateCount()
}

// selected is what the Import button imports: chosen and shown, each
// match resolved as the person chose.
func (p *importPreview) selected() []importer.Proposal {
	var out []importer.Proposal
	for _, i := range p.shown {
		if !p.chosen[i] {
			continue
		}
		pr := p.props[i]
		if m := p.matches[i]; m != nil {
			var ok bool
			if pr, ok = importer.Resolve(pr, *m, p.resolution[i]); !ok {
				continue
			}
		}
		out = append(out, pr)
	}
	return out
}

func (p *importPreview) updateCount() {
	n, other := len(p.selected()), 0
	for _, pr := range p.props {
		if pr.PlatformID == "" {
			other++
		}
	}
	text := lang.L("{{.N}} of {{.M}} accounts selected.", map[string]any{"N": n, "M": len(p.shown)})
	if other > 0 && !p.showOther.Checked {
		text += " " + lang.L("{{.H}} entries are not on a shopping platform Unbind knows and are hidden.", map[string]any{"H": other})
	}
	p.count.SetText(text)
	p.importBtn.SetText(lang.L("Import {{.N}} accounts", map[string]any{"N": n}))
	if n == 0 {
		p.importBtn.Disable()
	} else {
		p.importBtn.Enable()
	}
}

func (p *importPreview) onImport() {
	chosen := p.selected()
	if len(chosen) == 0 {
		return
	}
	p.w.runImport(chosen, p.res.Format, p.path, p.withPasswords.Checked)
}

// baseName is the last element of a path with / or \ separators.
func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
