package account

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/ui/kit"
)

// customPlatformForm creates a platform the catalog lacks, with the
// person's own steps, saved as a user catalog file (catalog.SaveUser).
type customPlatformForm struct {
	u        *shell
	name     *kit.Entry
	domains  *kit.Entry
	kind     *widget.Select
	channel  *widget.Select
	steps    *kit.Entry
	review   *kit.Entry
	irrev    *widget.Check
	form     *widget.Form
	dlg      dialog.Dialog
	kinds    []accounts.TrackKind
	channels []catalog.Channel
	created  func(id string)
}

// onCustomPlatform creates a platform for an account that has none and
// moves the account onto it.
func (u *shell) onCustomPlatform(a accounts.Account) *customPlatformForm {
	return u.openCustomPlatform(a.Name, func(id string) {
		a.PlatformID = id
		if _, err := u.env().Service.Update(u.env().Ctx, a); err != nil {
			u.ShowError(err)
		}
		u.AccountChanged(a.ID)
	})
}

func (u *shell) openCustomPlatform(name string, created func(id string)) *customPlatformForm {
	f := &customPlatformForm{u: u, created: created}
	f.name = kit.NewEntry()
	f.name.SetText(name)
	f.name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errRequired()
		}
		return nil
	}
	f.domains = kit.NewEntry()
	f.domains.SetPlaceHolder("example.com, m.example.com")
	var kindLabels []string
	for _, k := range accounts.TrackKinds {
		f.kinds = append(f.kinds, k)
		kindLabels = append(kindLabels, kit.TrackLabel(k))
	}
	f.kind = widget.NewSelect(kindLabels, nil)
	f.kind.SetSelectedIndex(len(f.kinds) - 1) // account deletion
	f.channels = catalog.Channels
	var chLabels []string
	for _, c := range f.channels {
		chLabels = append(chLabels, kit.ChannelLabel(c))
	}
	f.channel = widget.NewSelect(chLabels, nil)
	f.channel.SetSelectedIndex(0)
	f.steps = kit.NewMultiLineEntry()
	f.steps.SetMinRowsVisible(5)
	f.steps.Wrapping = fyne.TextWrapWord
	f.steps.SetPlaceHolder(lang.L("One step per line, in order"))
	var generic []string
	for _, s := range catalog.Custom(catalog.Text{Zh: "x", En: "x"}, nil, time.Now()).Tracks[0].Steps {
		generic = append(generic, s.Text.In(u.env().Lang))
	}
	f.steps.SetText(strings.Join(generic, "\n"))
	f.review = kit.NewEntry()
	f.review.SetPlaceHolder(lang.L("e.g. 15 (leave empty if unknown)"))
	f.review.Validator = func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); s != "" && (err != nil || n < 0 || n > 365) {
			return errors.New(lang.L("a number of working days"))
		}
		return nil
	}
	f.irrev = widget.NewCheck(lang.L("Irreversible (data is gone afterwards)"), nil)
	f.irrev.SetChecked(true)
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Web addresses"), f.domains),
		widget.NewFormItem(lang.L("What to do"), f.kind),
		widget.NewFormItem(lang.L("How"), f.channel),
		widget.NewFormItem(lang.L("Steps"), f.steps),
		widget.NewFormItem(lang.L("Review (working days)"), f.review),
		widget.NewFormItem("", f.irrev),
	)
	f.form.SubmitText, f.form.CancelText = lang.L("Create"), lang.L("Cancel")
	f.form.OnSubmit = f.onSave
	f.form.OnCancel = func() { f.dlg.Hide() }
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Create custom platform"), f.form, u.env().Window)
	f.dlg.Resize(fyne.NewSize(620, 0))
	kit.Keyed(u.env().Window, f.dlg, f.onSave)
	f.dlg.Show()
	return f
}

// platform builds the catalog entry from the form: catalog.Custom gives
// the ID, source and date, the form the rest.
func (f *customPlatformForm) platform() catalog.Platform {
	name := strings.TrimSpace(f.name.Text)
	domains := strings.FieldsFunc(f.domains.Text, func(r rune) bool { return r == ',' || r == ' ' || r == '，' })
	p := catalog.Custom(catalog.Text{Zh: name, En: name}, domains, time.Now())
	t := &p.Tracks[0]
	t.Kind = f.kinds[max(f.kind.SelectedIndex(), 0)]
	t.Channel = f.channels[max(f.channel.SelectedIndex(), 0)]
	t.Irreversible = f.irrev.Checked
	if t.Kind != accounts.TrackAccountDelete {
		t.Prerequisites = nil
	}
	var steps []catalog.Step
	for _, line := range strings.Split(f.steps.Text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			steps = append(steps, catalog.Step{Text: catalog.Text{Zh: line, En: line}})
		}
	}
	t.Steps = steps
	if n, err := strconv.Atoi(strings.TrimSpace(f.review.Text)); err == nil && n > 0 {
		t.ReviewWorkdays = &catalog.Workdays{Min: 1, Max: n}
	}
	return p
}

func (f *customPlatformForm) onSave() {
	p := f.platform()
	if len(p.Tracks[0].Steps) == 0 {
		kit.ShowError(errors.New(lang.L("Steps")+lang.L(": ")+lang.L("is required")), f.u.env().Window)
		return
	}
	base := p.ID
	for n := 2; ; n++ {
		if _, taken := f.u.platform(p.ID); !taken {
			break
		}
		p.ID = accounts.IDWithSuffix(base, strconv.Itoa(n))
	}
	if _, err := catalog.SaveUser(f.u.env().DataDir, p); err != nil {
		f.u.ShowError(err)
		return
	}
	f.u.CatalogChanged()
	f.dlg.Hide()
	if f.created != nil {
		f.created(p.ID)
	}
}
