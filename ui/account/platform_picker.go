package account

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/ui/kit"
)

// platformPicker is a searchable list over the catalog (names in both
// languages, aliases and domains), plus "other" and "create custom".
type platformPicker struct {
	u       *shell
	search  *kit.Entry
	list    *widget.List
	results []catalog.Platform
	dlg     dialog.Dialog
	chosen  func(id string)
}

func (u *shell) pickPlatform(chosen func(id string)) *platformPicker {
	p := &platformPicker{u: u, chosen: chosen}
	p.search = kit.NewEntry()
	p.search.SetPlaceHolder(lang.L("Search platforms: 淘宝, Taobao, taobao.com…"))
	p.search.OnChanged = func(string) { p.update() }
	p.search.OnSubmitted = func(string) { p.pickFirst() }
	p.list = widget.NewList(func() int { return len(p.results) },
		func() fyne.CanvasObject {
			return kit.NewBorder(nil, nil, kit.NewAvatar(26), nil, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			pl := p.results[i]
			c.Objects[0].(*kit.Avatar).Set(initialOf(pl.Names.In(u.env().Lang)), pl.ID)
			other := pl.Names.En
			if u.env().Lang == kit.LangEn {
				other = pl.Names.Zh
			}
			c.Objects[1].(*widget.Label).SetText(pl.Names.In(u.env().Lang) + "  ·  " + other)
		})
	p.list.OnSelected = func(i widget.ListItemID) { p.choose(p.results[i].ID) }
	other := widget.NewButtonWithIcon(lang.L("Other platform (not listed)"), theme.QuestionIcon(), func() { p.choose(accounts.CustomPlatform) })
	create := widget.NewButtonWithIcon(lang.L("Create custom platform…"), theme.ContentAddIcon(), func() {
		p.dlg.Hide()
		u.openCustomPlatform(p.search.Text, chosen)
	})
	content := kit.NewBorder(p.search, container.NewHBox(other, create), nil, nil, p.list)
	p.dlg = dialog.NewCustom(lang.L("Choose a platform"), lang.L("Cancel"), content, u.env().Window)
	p.dlg.Resize(fyne.NewSize(520, 520))
	p.update()
	kit.Keyed(u.env().Window, p.dlg, p.pickFirst)
	p.dlg.Show()
	// Type to search at once; Enter takes the first result.
	u.env().Window.Canvas().Focus(p.search)
	return p
}

func (p *platformPicker) update() {
	p.results = nil
	if c := p.u.env().Catalog; c != nil {
		p.results = c.Search(p.search.Text)
		if strings.TrimSpace(p.search.Text) == "" {
			kit.SortPlatforms(p.results, c) // a search keeps its ranking
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
}

func (p *platformPicker) choose(id string) {
	p.dlg.Hide()
	p.chosen(id)
}

func initialOf(name string) string {
	for _, r := range name {
		return string(r)
	}
	return "?"
}

// pickFirst takes the first (highlighted) result, when there is one.
func (p *platformPicker) pickFirst() {
	if len(p.results) > 0 {
		p.choose(p.results[0].ID)
	}
}
