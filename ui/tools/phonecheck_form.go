package tools

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/accounts/phonecheck"
	"github.com/unbindapp/unbind/accounts/store"
	"github.com/unbindapp/unbind/ui/kit"
)

// PhoneCheckForm is the 一证通查 form: the person enters, for one phone
// number, the per-company counts of the result SMS; Compare shows where
// the inventory knows fewer accounts than the SMS reports, with the steps
// to find them, and saves the check to the history and the audit report.
type PhoneCheckForm struct {
	t    Deps
	win  fyne.Window
	done func()
	dlg  dialog.Dialog

	phone   *widget.Entry
	counts  map[string]*widget.Entry // company ID → count
	order   []catalog.Company
	other   *widget.Entry // "百度=1 网易=2"
	compare *widget.Button
	msg     *toolMessage
	results *fyne.Container

	result *phonecheck.Result
	saved  store.PhoneCheck
}

// The companies the 一证通查 SMS most often lists come first.
var phoneCheckFirst = []string{"alibaba", "tencent", "jd", "pdd", "bytedance", "meituan"}

// ShowPhoneCheck opens the 一证通查 form over win; done is called after a
// check was saved.
func ShowPhoneCheck(win fyne.Window, t Deps, done func()) *PhoneCheckForm {
	f := &PhoneCheckForm{t: t, win: win, done: done, counts: map[string]*widget.Entry{}}
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Phone-number account check (一证通查)"), f.build(), win)
	f.dlg.Resize(fyne.NewSize(860, 640))
	kit.Keyed(win, f.dlg, nil)
	f.dlg.Show()
	return f
}

func (f *PhoneCheckForm) build() fyne.CanvasObject {
	intro := widget.NewLabel(lang.L("The MIIT 一证通查 service answers with an SMS that lists how many accounts each large internet company holds for your phone number. Enter the counts from that SMS; leave a company empty if the SMS does not list it."))
	intro.Wrapping = fyne.TextWrapWord
	f.phone = widget.NewEntry()
	f.phone.SetPlaceHolder("13812345678")
	form := widget.NewForm(widget.NewFormItem(lang.L("Phone number"), f.phone))
	f.order = phoneCheckCompanies(f.t.Catalog)
	grid := container.NewGridWithColumns(4)
	for _, c := range f.order {
		e := widget.NewEntry()
		e.SetPlaceHolder("—")
		f.counts[c.ID] = e
		grid.Add(widget.NewLabel(c.Name.In(f.t.Lang)))
		grid.Add(e)
	}
	f.other = widget.NewEntry()
	f.other.SetPlaceHolder(lang.L("Other companies, e.g. 百度=1 网易=2"))
	f.compare = widget.NewButtonWithIcon(lang.L("Compare and save"), theme.SearchIcon(), f.onCompare)
	f.compare.Importance = widget.HighImportance
	f.msg = newToolMessage()
	f.results = container.NewVBox()
	closeBtn := widget.NewButton(lang.L("Close"), func() { f.dlg.Hide() })
	top := container.NewVBox(intro, form, grid, f.other, container.NewHBox(layoutSpacerTool(), f.compare), f.msg.box)
	return container.NewBorder(nil, container.NewHBox(layoutSpacerTool(), closeBtn), nil, nil,
		container.NewVScroll(container.NewVBox(top, f.results)))
}

// phoneCheckCompanies lists the catalog's companies, the usual ones first.
func phoneCheckCompanies(cat *catalog.Catalog) []catalog.Company {
	if cat == nil {
		return nil
	}
	byID := map[string]catalog.Company{}
	for _, p := range cat.All() {
		if p.Company.ID != "" {
			byID[p.Company.ID] = p.Company
		}
	}
	var out []catalog.Company
	for _, id := range phoneCheckFirst {
		if c, ok := byID[id]; ok {
			out = append(out, c)
			delete(byID, id)
		}
	}
	rest := make([]string, 0, len(byID))
	for id := range byID {
		rest = append(rest, id)
	}
	slices.Sort(rest)
	for _, id := range rest {
		out = append(out, byID[id])
	}
	return out
}

// onCompare checks the input, compares, saves and shows the result.
func (f *PhoneCheckForm) onCompare() {
	phone := accounts.PhoneDigits(f.phone.Text)
	if !accounts.IsPhoneLike(f.phone.Text) || len(phone) < 7 {
		f.msg.set(lang.L("Enter the phone number the SMS is about (7 to 15 digits)."), widget.DangerImportance)
		return
	}
	var args []string
	for _, c := range f.order {
		if v := strings.TrimSpace(f.counts[c.ID].Text); v != "" {
			args = append(args, c.ID+"="+v)
		}
	}
	args = append(args, strings.FieldsFunc(f.other.Text, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；' || r == ' ' || r == '\n'
	})...)
	if len(args) == 0 {
		f.msg.set(lang.L("Enter at least one company's count from the SMS."), widget.DangerImportance)
		return
	}
	counts, err := phonecheck.ParseCounts(f.t.Catalog, args)
	if err != nil {
		f.msg.set(strings.TrimPrefix(err.Error(), "phone check: "), widget.DangerImportance)
		return
	}
	all, err := f.t.Store.Accounts(ctxBackground())
	if err != nil {
		f.msg.setError(oneLineError(err), err)
		return
	}
	res := phonecheck.Compare(f.t.Catalog, phone, counts, all)
	check := store.PhoneCheck{Phone: phone, CheckedAt: f.t.now().Truncate(time.Millisecond), Counts: map[string]int{}}
	for _, c := range counts {
		check.Counts[c.Company.ID] = c.Count
	}
	saved, err := f.t.Store.SavePhoneCheck(ctxBackground(), check)
	if err != nil {
		f.msg.setError(oneLineError(err), err)
		return
	}
	f.result, f.saved = &res, saved
	if res.Missing == 0 {
		f.msg.set(lang.L("Unbind knows every account the SMS reports for {{.Phone}}. The check is saved in the history.",
			map[string]any{"Phone": res.Phone}), widget.SuccessImportance)
	} else {
		f.msg.set(lang.L("The SMS reports {{.N}} accounts for {{.Phone}} that Unbind does not know about. The check is saved in the history.",
			map[string]any{"N": res.Missing, "Phone": res.Phone}), widget.WarningImportance)
	}
	f.showResults(res)
	if f.done != nil {
		f.done()
	}
}

func (f *PhoneCheckForm) showResults(res phonecheck.Result) {
	f.results.RemoveAll()
	for _, c := range res.Companies {
		f.results.Add(f.companyCard(c))
	}
	for _, c := range res.NotEntered {
		f.results.Add(f.companyCard(c))
	}
	f.results.Refresh()
}

// companyCard shows one company's comparison: counts, the accounts known,
// and when some are missing the platforms to check and the steps.
func (f *PhoneCheckForm) companyCard(c phonecheck.CompanyResult) fyne.CanvasObject {
	name := c.Company.Name.In(f.t.Lang)
	var head string
	switch {
	case c.Reported < 0:
		head = lang.L("{{.Name}}: not entered, but Unbind knows {{.Known}} accounts on this number",
			map[string]any{"Name": name, "Known": c.Known})
	case c.Missing > 0:
		head = lang.L("{{.Name}}: the SMS reports {{.Reported}}, Unbind knows {{.Known}} — {{.Missing}} to find",
			map[string]any{"Name": name, "Reported": c.Reported, "Known": c.Known, "Missing": c.Missing})
	case c.Surplus > 0:
		head = lang.L("{{.Name}}: Unbind knows {{.Known}}, more than the {{.Reported}} the SMS reports (closed already, or bound to another number now?)",
			map[string]any{"Name": name, "Reported": c.Reported, "Known": c.Known})
	default:
		head = lang.L("{{.Name}}: the SMS reports {{.Reported}}, Unbind knows them all",
			map[string]any{"Name": name, "Reported": c.Reported})
	}
	title := widget.NewLabel(head)
	title.Wrapping = fyne.TextWrapWord
	title.TextStyle.Bold = true
	if c.Missing > 0 {
		title.Importance = widget.WarningImportance
	}
	box := container.NewVBox(title)
	for _, a := range c.Accounts {
		box.Add(widget.NewLabel("· " + f.t.platformName(a.Platform) + " — " + a.Name + " " + a.Login))
	}
	if c.Missing > 0 {
		if len(c.Platforms) > 0 {
			names := make([]string, len(c.Platforms))
			for i, p := range c.Platforms {
				names[i] = p.Name.In(f.t.Lang)
				if len(p.Domains) > 0 {
					names[i] += " (" + p.Domains[0] + ")"
				}
			}
			l := widget.NewLabel(lang.L("Where to look: {{.List}}", map[string]any{"List": strings.Join(names, ", ")}))
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
		}
		for i, s := range c.Steps {
			l := widget.NewLabel(strconv.Itoa(i+1) + ". " + s.In(f.t.Lang))
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
		}
	}
	return widget.NewCard("", "", box)
}
