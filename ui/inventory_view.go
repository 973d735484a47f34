package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/inventory"
	"github.com/unbindapp/unbind/ui/kit"
)

// inventoryView is the left side: search, filters, counts and the list.
type inventoryView struct {
	u        *UI
	search   *widget.Entry
	status   *widget.Select
	platform *widget.Select
	realName *widget.Check
	phone    *widget.Check
	due      *widget.Check
	counts   *fyne.Container
	summary  *widget.Label
	list     *widget.List
	add      *widget.Button
	showAll  *widget.Button // clears every filter; always there, so nothing moves
	content  fyne.CanvasObject

	statusValues   []accounts.Status // status select index → status ("" all)
	platformValues []string          // platform select index → ID ("" all)
	updating       bool              // options are being replaced: ignore OnChanged
}

func newInventoryView(u *UI) *inventoryView {
	v := &inventoryView{u: u}
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(lang.L("Search name, platform, login or phone"))
	v.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	v.search.OnChanged = func(s string) { u.query.Text = s; u.refilter() }

	v.status = widget.NewSelect(nil, func(string) { v.onFilter() })
	v.platform = widget.NewSelect(nil, func(string) { v.onFilter() })
	v.realName = widget.NewCheck(lang.L("Real name still bound"), func(bool) { v.onFilter() })
	v.phone = widget.NewCheck(lang.L("Phone still bound"), func(bool) { v.onFilter() })
	v.due = widget.NewCheck(lang.L("Reminders due"), func(bool) { v.onFilter() })
	v.counts = kit.NewFlow()
	v.summary = widget.NewLabel("")

	v.list = widget.NewList(
		func() int { return len(u.shown) },
		func() fyne.CanvasObject { return newAccountRow() },
		v.updateRow,
	)
	v.list.OnSelected = func(row widget.ListItemID) {
		if row >= 0 && row < len(u.shown) {
			if id := u.items[u.shown[row]].Account.ID; id != u.detail.ID() {
				u.detail.Show(id)
			}
		}
	}
	v.add = widget.NewButtonWithIcon(lang.L("Add account"), theme.ContentAddIcon(), u.detail.OpenAdd)
	v.add.Importance = widget.HighImportance

	filters := container.NewGridWithColumns(2, v.status, v.platform)
	checks := kit.NewFlow(v.realName, v.phone, v.due)
	top := container.NewVBox(v.search, filters, checks, v.counts, widget.NewSeparator())
	v.showAll = widget.NewButtonWithIcon(lang.L("Show all"), theme.ContentClearIcon(), func() { v.setQuery(inventory.Query{}) })
	v.showAll.Importance = widget.LowImportance
	v.showAll.Disable()
	bottom := kit.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(v.showAll, v.add), v.summary)
	v.content = kit.NewBorder(top, bottom, nil, nil, v.list)
	v.updateOptions()
	return v
}

func (v *inventoryView) updateRow(row widget.ListItemID, o fyne.CanvasObject) {
	if row >= len(v.u.shown) {
		return
	}
	it := &v.u.items[v.u.shown[row]]
	sub := it.PlatformName
	if it.MaskedLogin != "" {
		sub += " · " + it.MaskedLogin
	}
	o.(*accountRow).set(it.Account.Name, sub, it.Initial, it.Account.PlatformID, it.Due, it.Account.Status)
}

// onFilter reads the filter widgets into the query.
func (v *inventoryView) onFilter() {
	if v.updating {
		return
	}
	q := &v.u.query
	q.Status, q.Platform = "", ""
	if i := v.status.SelectedIndex(); i > 0 {
		q.Status = v.statusValues[i]
	}
	if i := v.platform.SelectedIndex(); i > 0 {
		q.Platform = v.platformValues[i]
	}
	q.RealNameBound, q.PhoneBound, q.RemindersDue = v.realName.Checked, v.phone.Checked, v.due.Checked
	v.u.refilter()
}

// setQuery shows q in the filter widgets and filters by it (the overview
// opening a figure, "Show all").
func (v *inventoryView) setQuery(q inventory.Query) {
	v.updating = true
	v.search.SetText(q.Text)
	v.realName.SetChecked(q.RealNameBound)
	v.phone.SetChecked(q.PhoneBound)
	v.due.SetChecked(q.RemindersDue)
	for i, s := range v.statusValues {
		if s == q.Status {
			v.status.SetSelectedIndex(i)
		}
	}
	for i, id := range v.platformValues {
		if id == q.Platform {
			v.platform.SetSelectedIndex(i)
		}
	}
	v.updating = false
	v.u.query = q
	v.u.refilter()
}

// updateOptions rebuilds the status options (with counts), the platform
// options and the count badges after the items changed.
func (v *inventoryView) updateOptions() {
	v.updating = true
	defer func() { v.updating = false }()
	c := inventory.Count(v.u.items)

	v.statusValues = []accounts.Status{""}
	opts := []string{lang.L("All statuses ({{.N}})", map[string]int{"N": c.Total})}
	sel := 0
	v.counts.Objects = v.counts.Objects[:0]
	for _, s := range accounts.Statuses {
		n := c.ByStatus[s]
		if s == v.u.query.Status {
			sel = len(opts)
		}
		v.statusValues = append(v.statusValues, s)
		opts = append(opts, kit.StatusLabel(s)+" ("+strconv.Itoa(n)+")")
		if n > 0 {
			b := kit.NewBadge(kit.StatusLabel(s)+" "+strconv.Itoa(n), kit.StatusColor(s))
			b.OnTapped = func() { v.setStatus(s) }
			v.counts.Objects = append(v.counts.Objects, b)
		}
	}
	v.status.SetOptions(opts)
	v.status.SetSelectedIndex(sel)
	v.counts.Refresh()

	ids, names := inventory.Platforms(v.u.items)
	kit.SortByName(ids, names)
	v.platformValues = append([]string{""}, ids...)
	popts := append([]string{lang.L("All platforms")}, names...)
	sel = 0
	for i, id := range v.platformValues {
		if id != "" && id == v.u.query.Platform {
			sel = i
		}
	}
	v.platform.SetOptions(popts)
	v.platform.SetSelectedIndex(sel)
}

// setStatus filters by one status (tapping a count badge); tapping the
// same one again clears it.
func (v *inventoryView) setStatus(s accounts.Status) {
	if v.u.query.Status == s {
		s = ""
	}
	for i, sv := range v.statusValues {
		if sv == s {
			v.status.SetSelectedIndex(i)
		}
	}
}

// refresh redraws the list and the summary line after filtering.
func (v *inventoryView) refresh() {
	v.list.UnselectAll()
	v.list.Refresh()
	switch q := v.u.query; {
	case q.IsZero():
		v.summary.SetText(lang.L("{{.N}} accounts", map[string]int{"N": len(v.u.items)}))
		v.showAll.Disable()
	case q.Only != nil:
		v.summary.SetText(lang.L("{{.Label}}: {{.Shown}} of {{.N}} accounts",
			map[string]any{"Label": q.Only.Label, "Shown": len(v.u.shown), "N": len(v.u.items)}))
		v.showAll.Enable()
	default:
		v.summary.SetText(lang.L("{{.Shown}} of {{.N}} accounts", map[string]int{"Shown": len(v.u.shown), "N": len(v.u.items)}))
		v.showAll.Enable()
	}
	// Keep the open account selected when it is still in the list.
	for row, i := range v.u.shown {
		if v.u.items[i].Account.ID == v.u.detail.ID() {
			v.list.Select(row)
			break
		}
	}
}

// resetFilters clears the search and filters (when switching data).
func (v *inventoryView) resetFilters() {
	v.updating = true
	v.search.SetText("")
	v.realName.SetChecked(false)
	v.phone.SetChecked(false)
	v.due.SetChecked(false)
	v.updating = false
}
