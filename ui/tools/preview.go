package tools

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/importer"
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
	formatRow := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Format:")), nil, p.format)
	top := container.NewVBox(formatRow, p.detected, p.notices.box, container.NewHBox(p.showOther, layoutSpacerTool(), p.all, p.none))
	cancel := widget.NewButton(lang.L("Cancel"), func() { w.dlg.Hide() })
	bottom := container.NewVBox(p.count, p.withPasswords, container.NewHBox(p.back, layoutSpacerTool(), cancel, p.importBtn))
	p.content = container.NewBorder(top, bottom, nil, nil, p.list)
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
	for i, pr := range props {
		p.inInv[i] = index.Has(pr)
		p.chosen[i] = pr.PlatformID != "" // the others only when the person ticks them
	}
	p.loading = true
	p.format.SetSelected(formatLabel(res.Format))
	p.loading = false
	p.detected.SetText(lang.L("{{.Format}}: {{.N}} logins read from {{.File}}.",
		map[string]any{"Format": res.Format.Label(), "N": len(res.Entries), "File": baseName(path)}))
	p.notices.set(strings.Join(res.Notices, "\n"), widget.WarningImportance)
	p.refilter()
}

// failed shows a read error for a format the person chose.
func (p *importPreview) failed(err error) {
	p.props, p.inInv, p.chosen, p.shown = nil, nil, nil, nil
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
	}
	p.list.Refresh()
	p.updateCount()
}

// setChosen ticks or unticks the proposal at index i of props.
func (p *importPreview) setChosen(i int, on bool) {
	p.chosen[i] = on
	p.updateCount()
}

// selected is what the Import button imports: chosen and shown.
func (p *importPreview) selected() []importer.Proposal {
	var out []importer.Proposal
	for _, i := range p.shown {
		if p.chosen[i] {
			out = append(out, p.props[i])
		}
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

// newImportRow is one line of the preview: checkbox, platform, name,
// masked login, whether a password comes along, whether it is here.
func newImportRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	labels := make([]fyne.CanvasObject, 3)
	for i := range labels {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		labels[i] = l
	}
	pw, here := widget.NewLabel(""), widget.NewLabel("")
	here.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, check, container.NewHBox(pw, here), container.NewGridWithColumns(3, labels...))
}

func (p *importPreview) fillRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.shown) {
		return
	}
	i := p.shown[id]
	pr := p.props[i]
	row := o.(*fyne.Container)
	grid := row.Objects[0].(*fyne.Container)
	check := row.Objects[1].(*widget.Check)
	right := row.Objects[2].(*fyne.Container)
	check.OnChanged = nil
	check.SetChecked(p.chosen[i])
	check.OnChanged = func(on bool) { p.setChosen(i, on) }
	platform := lang.L("Not a shopping platform")
	if pr.PlatformID != "" {
		platform = p.w.t.platformName(pr.PlatformID)
	}
	grid.Objects[0].(*widget.Label).SetText(platform)
	grid.Objects[1].(*widget.Label).SetText(pr.Name)
	grid.Objects[2].(*widget.Label).SetText(importer.MaskedLogin(pr.Login))
	pw, here := "", ""
	if pr.HasPassword {
		pw = lang.L("password")
	}
	if p.inInv[i] {
		here = lang.L("already here")
	}
	right.Objects[0].(*widget.Label).SetText(pw)
	right.Objects[1].(*widget.Label).SetText(here)
}

// baseName is the last element of a path with / or \ separators.
func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}
