package tools

import (
	"slices"
	"strings"

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

// PhoneCheckForm is the 一证通查 form: the person pastes the result SMS
// (or, as a fallback, types its counts per company) for one phone number;
// Compare saves the check and shows the comparison with the inventory in
// the main pane (Deps.ShowInMain), or below the form when there is none.
type PhoneCheckForm struct {
	t    Deps
	win  fyne.Window
	done func()
	dlg  dialog.Dialog

	phone   *kit.Entry
	tabs    *container.AppTabs
	sms     *kit.Entry
	counts  map[string]*kit.Entry // company ID → count
	order   []catalog.Company
	other   *kit.Entry // "百度=1 网易=2"
	compare *widget.Button
	msg     *toolMessage
	results *fyne.Container
	top     *fyne.Container // laid out again when the message shows

	result *phonecheck.Result
	parsed *phonecheck.SMS
	saved  store.PhoneCheck
	view   *PhoneCheckView
}

// The companies the 一证通查 SMS most often lists come first.
var phoneCheckFirst = []string{"alibaba", "tencent", "jd", "pdd", "bytedance", "meituan"}

// ShowPhoneCheck opens the 一证通查 form over win; done is called after a
// check was saved.
func ShowPhoneCheck(win fyne.Window, t Deps, done func()) *PhoneCheckForm {
	f := &PhoneCheckForm{t: t, win: win, done: done, counts: map[string]*kit.Entry{}}
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Phone-number account check (一证通查)"), f.build(), win)
	f.dlg.Resize(fyne.NewSize(860, 680))
	kit.Keyed(win, f.dlg, f.onCompare) // Enter in a one-line field compares
	f.dlg.Show()
	return f
}

func (f *PhoneCheckForm) build() fyne.CanvasObject {
	f.phone = kit.NewEntry()
	f.phone.SetPlaceHolder("13812345678")
	phoneHint := widget.NewLabel(lang.L("Leave it empty if the SMS shows the whole number."))
	phoneHint.Importance = widget.LowImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("Phone number"), container.NewVBox(f.phone, phoneHint)))

	f.sms = kit.NewMultiLineEntry()
	f.sms.Wrapping = fyne.TextWrapWord
	f.sms.SetMinRowsVisible(6)
	f.sms.SetPlaceHolder(lang.L("Paste the result SMS here, all its parts, as you received it."))
	paste := container.NewVBox(f.sms)

	f.order = phoneCheckCompanies(f.t.Catalog)
	grid := container.NewGridWithColumns(4)
	for _, c := range f.order {
		e := kit.NewEntry()
		e.SetPlaceHolder("—")
		f.counts[c.ID] = e
		grid.Add(widget.NewLabel(c.Name.In(f.t.Lang)))
		grid.Add(e)
	}
	f.other = kit.NewEntry()
	f.other.SetPlaceHolder(lang.L("Other companies, e.g. 百度=1 网易=2"))
	manualIntro := widget.NewLabel(lang.L("Enter the counts from the SMS; leave a company empty if the SMS does not list it."))
	manualIntro.Wrapping = fyne.TextWrapWord
	// The grid scrolls inside its tab: the tabs are as tall as the
	// tallest, and the paste box must not sit over a screenful of gap.
	manualScroll := container.NewVScroll(container.NewVBox(grid, f.other))
	manualScroll.SetMinSize(fyne.NewSize(0, f.sms.MinSize().Height))
	manual := kit.NewBorder(manualIntro, nil, nil, nil, manualScroll)

	f.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Paste the SMS"), paste),
		container.NewTabItem(lang.L("Enter by hand"), manual))
	f.compare = widget.NewButtonWithIcon(lang.L("Compare and save"), theme.SearchIcon(), f.onCompare)
	f.compare.Importance = widget.HighImportance
	f.msg = newToolMessage()
	f.results = container.NewVBox()
	closeBtn := widget.NewButton(lang.L("Close"), func() { f.dlg.Hide() })
	f.top = container.NewVBox(phoneCheckHowTo(), form, f.tabs, container.NewHBox(layoutSpacerTool(), f.compare), f.msg.box)
	top := f.top
	return kit.NewBorder(nil, container.NewHBox(layoutSpacerTool(), closeBtn), nil, nil,
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

// onCompare reads the SMS (or the typed counts), compares, saves and
// shows the result.
func (f *PhoneCheckForm) onCompare() {
	defer f.top.Refresh()
	phone, counts, ok := f.input()
	if !ok {
		return
	}
	res, saved, err := phonecheck.Run(ctxBackground(), f.t.Store, f.t.Catalog, phone, counts, f.t.now())
	if err != nil {
		f.msg.setError(oneLineError(err), err)
		return
	}
	f.result, f.saved = &res, saved
	f.msg.set(checkSummary(res))
	f.view = NewPhoneCheckView(f.t, res, saved, f.parsed, func() { ShowPhoneCheck(f.win, f.t, f.done) })
	if f.t.ShowInMain != nil {
		f.dlg.Hide()
		f.t.ShowInMain(lang.L("Phone-number account check (一证通查)"), f.view.Content)
	} else {
		f.results.Objects = []fyne.CanvasObject{f.view.Content}
		f.results.Refresh()
	}
	if f.done != nil {
		f.done()
	}
}

// input is the number and the counts of the tab shown; false after it
// said what is wrong.
func (f *PhoneCheckForm) input() (string, []phonecheck.CompanyCount, bool) {
	f.parsed = nil
	if f.tabs.SelectedIndex() == 0 {
		sms, err := phonecheck.ParseSMS(f.t.Catalog, f.sms.Text)
		if err != nil {
			f.msg.set(smsErrorText(err), widget.DangerImportance)
			return "", nil, false
		}
		phone, err := phonecheck.SMSPhone(sms, strings.TrimSpace(f.phone.Text))
		if err != nil {
			f.msg.set(smsErrorText(err), widget.DangerImportance)
			return "", nil, false
		}
		f.parsed = &sms
		return phone, sms.Counts, true
	}
	phone := accounts.PhoneDigits(f.phone.Text)
	if !accounts.IsPhoneLike(f.phone.Text) || len(phone) < 7 {
		f.msg.set(lang.L("Enter the phone number the SMS is about (7 to 15 digits)."), widget.DangerImportance)
		return "", nil, false
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
		return "", nil, false
	}
	counts, err := phonecheck.ParseCounts(f.t.Catalog, args)
	if err != nil {
		f.msg.set(countErrorText(err), widget.DangerImportance)
		return "", nil, false
	}
	return phone, counts, true
}

// PasteAndCompare pastes sms into the paste box and compares, as a person
// would; scripts use it for screenshots.
func (f *PhoneCheckForm) PasteAndCompare(sms string) {
	f.tabs.SelectIndex(0)
	f.sms.SetText(sms)
	f.onCompare()
}
