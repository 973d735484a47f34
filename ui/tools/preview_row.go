package tools

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/importer"
	"github.com/unbindapp/unbind/ui/kit"
)

// importColumns lays out the preview's header and rows alike: the first
// column as wide as a checkbox, the others sharing the rest by weight, so
// the headers stand over their columns whatever the texts.
type importColumns struct{ weights []float32 }

var importLayout = &importColumns{weights: []float32{0, 0.9, 1.1, 1.1, 0.8, 3.2, 1.0}}

func (c *importColumns) first() float32 { return widget.NewCheck("", nil).MinSize().Width }

func (c *importColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	first := c.first()
	total := float32(0)
	for _, w := range c.weights[1:] {
		total += w
	}
	pad := theme.Padding()
	rest := size.Width - first - pad*float32(len(c.weights)-1)
	x := float32(0)
	for i, o := range objs {
		w := first
		if i > 0 && i < len(c.weights) {
			w = rest * c.weights[i] / total
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

func (c *importColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(c.first()+float32(len(c.weights)-1)*60, h)
}

// newImportHeader names the preview's columns.
func newImportHeader() fyne.CanvasObject {
	objs := []fyne.CanvasObject{widget.NewLabel("")}
	for _, h := range []string{lang.L("Platform"), lang.L("Name"), lang.L("Login"), lang.L("Password"), lang.L("In Unbind"), lang.L("What to do")} {
		l := widget.NewLabel(h)
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	return container.New(importLayout, objs...)
}

// resolutionLabels are the choices for a row that matches an account.
func resolutionLabels() []string {
	return []string{lang.L("Merge"), lang.L("Add anyway"), lang.L("Skip")}
}

// newImportRow is one line of the preview: checkbox, platform, name,
// masked login, whether a password comes along, the account it matches
// and, then, what to do with it.
func newImportRow() fyne.CanvasObject {
	objs := []fyne.CanvasObject{widget.NewCheck("", nil)}
	for range 5 {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	objs = append(objs, widget.NewSelect(resolutionLabels(), nil))
	return container.New(importLayout, objs...)
}

func (p *importPreview) fillRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.shown) {
		return
	}
	i := p.shown[id]
	pr := p.props[i]
	objs := o.(*fyne.Container).Objects
	check, sel := objs[0].(*widget.Check), objs[6].(*widget.Select)
	label := func(n int) *widget.Label { return objs[n].(*widget.Label) }
	platform := lang.L("Not a shopping platform")
	if pr.PlatformID != "" {
		platform = p.w.t.platformName(pr.PlatformID)
	}
	label(1).SetText(platform)
	label(2).SetText(pr.Name)
	label(3).SetText(importer.MaskedLogin(pr.Login))
	pw := ""
	if pr.HasPassword {
		pw = lang.L("password")
	}
	label(4).SetText(pw)
	m := p.matches[i]
	label(5).SetText(matchText(m))
	label(5).Importance = widget.MediumImportance
	if m != nil && m.Deleted() {
		label(5).Importance = widget.WarningImportance
	}
	label(5).Refresh()
	check.OnChanged, sel.OnChanged = nil, nil
	if m == nil {
		sel.Hide()
		check.Show()
		check.SetChecked(p.chosen[i])
		check.OnChanged = func(on bool) { p.setChosen(i, on) }
		return
	}
	check.Hide()
	sel.Show()
	labels := resolutionLabels()
	for k, r := range importer.Resolutions {
		if r == p.resolution[i] {
			sel.SetSelected(labels[k])
		}
	}
	sel.OnChanged = func(s string) {
		for k, l := range labels {
			if l == s {
				p.setResolution(i, importer.Resolutions[k])
			}
		}
	}
}

// matchText says which inventory account a row matches.
func matchText(m *importer.Match) string {
	switch {
	case m == nil:
		return ""
	case m.Deleted() && m.DeletedOn != nil && m.ByPhone:
		return lang.L("already in Unbind (phone; deleted on {{.Date}})", map[string]any{"Date": kit.FormatDate(*m.DeletedOn)})
	case m.Deleted() && m.DeletedOn != nil:
		return lang.L("already in Unbind (deleted on {{.Date}})", map[string]any{"Date": kit.FormatDate(*m.DeletedOn)})
	case m.Deleted():
		return lang.L("already in Unbind (deleted)")
	case m.ByPhone:
		return lang.L("already in Unbind (same phone)")
	}
	return lang.L("already in Unbind")
}

// noticeText words a notice of the read in the person's language.
func noticeText(n importer.Notice) string {
	switch n.Kind {
	case importer.NoticeUTF16:
		return lang.L("The file was UTF-16 text; Unbind converted it to UTF-8 to read it (the file itself is unchanged).")
	case importer.NoticeGB18030:
		return lang.L("The file was saved as GBK/GB18030 (Excel on Chinese Windows does this); Unbind converted it to UTF-8 to read it (the file itself is unchanged).")
	case importer.NoticeNoLogins:
		return lang.L("The export has no logins. Check that you exported the passwords, not something else.")
	case importer.NoticeSkipped:
		return lang.L("{{.N}} records that are not logins (notes, cards, empty rows) were skipped.", map[string]any{"N": n.N})
	}
	return n.String()
}
