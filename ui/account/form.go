package account

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/kit"
)

// errRequired is the message of an empty required field.
func errRequired() error { return errors.New(lang.L("is required")) }

// accountForm adds or edits an account. Validation is the domain's: each
// entry checks its field with accounts.ValidateField as it is typed, and
// saving shows any remaining error without closing the form.
type accountForm struct {
	u          *shell
	orig       accounts.Account
	platformID string
	platform   *widget.Button
	name       *kit.Entry
	login      *kit.Entry
	phone      *kit.Entry
	email      *kit.Entry
	realName   *widget.Check
	seller     *widget.Check
	third      *widget.CheckGroup
	notes      *kit.Entry
	form       *widget.Form
	dlg        dialog.Dialog
}

func (u *shell) onAdd()                    { u.openAccountForm(accounts.Account{}) }
func (u *shell) onEdit(a accounts.Account) { u.openAccountForm(a) }

func (u *shell) openAccountForm(a accounts.Account) *accountForm {
	f := &accountForm{u: u, orig: a, platformID: a.PlatformID}
	f.platform = widget.NewButtonWithIcon("", theme.SearchIcon(), f.onPickPlatform)
	f.platform.Alignment = widget.ButtonAlignLeading
	f.setPlatform(a.PlatformID)
	f.name = f.entry(a.Name, "name", lang.L("e.g. Taobao main account"))
	f.login = f.entry(a.Login, "login", lang.L("User name, phone or e-mail you log in with"))
	f.phone = f.entry(a.Phone, "phone", "13812345678")
	f.email = f.entry(a.Email, "email", "name@example.com")
	f.realName = widget.NewCheck(lang.L("Verified with my real name (ID card)"), nil)
	f.realName.SetChecked(a.RealName)
	f.seller = widget.NewCheck(lang.L("I sell or run a shop here"), nil)
	f.seller.SetChecked(a.Seller)
	var opts, sel []string
	for _, t := range kit.ThirdParties {
		opts = append(opts, kit.ThirdPartyLabel(t))
		for _, have := range a.ThirdParty {
			if have == t {
				sel = append(sel, kit.ThirdPartyLabel(t))
			}
		}
	}
	f.third = widget.NewCheckGroup(opts, nil)
	f.third.Horizontal = true
	f.third.SetSelected(sel)
	f.notes = kit.NewMultiLineEntry()
	f.notes.SetText(a.Notes)
	f.notes.SetMinRowsVisible(3)

	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("Platform"), f.platform),
		widget.NewFormItem(lang.L("Name"), f.name),
		widget.NewFormItem(lang.L("Login"), f.login),
		widget.NewFormItem(lang.L("Phone"), f.phone),
		widget.NewFormItem(lang.L("E-mail address"), f.email),
		widget.NewFormItem("", f.realName),
		widget.NewFormItem("", f.seller),
		widget.NewFormItem(lang.L("Third-party logins"), f.third),
		widget.NewFormItem(lang.L("Notes"), f.notes),
	)
	f.form.SubmitText, f.form.CancelText = lang.L("Save"), lang.L("Cancel")
	f.form.OnSubmit = f.onSave
	f.form.OnCancel = func() { f.dlg.Hide() }
	title := lang.L("Add account")
	if a.ID != "" {
		title = lang.L("Edit account")
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, f.form, u.env().Window)
	f.dlg.Resize(fyne.NewSize(620, 0))
	kit.Keyed(u.env().Window, f.dlg, f.onSave)
	f.dlg.Show()
	return f
}

// entry makes a text field validated by the domain's rule for field.
func (f *accountForm) entry(text, field, placeholder string) *kit.Entry {
	e := kit.NewEntry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	e.Validator = func(s string) error {
		var ve *accounts.ValidationError
		if err := accounts.ValidateField(field, s); errors.As(err, &ve) {
			if p := kit.ProblemText(ve.Problem); p != "" {
				return errors.New(p)
			}
			return errors.New(lang.L("is not valid"))
		}
		return nil
	}
	return e
}

func (f *accountForm) setPlatform(id string) {
	f.platformID = id
	if id == "" {
		f.platform.SetText(lang.L("Choose a platform…"))
		return
	}
	name, _ := f.u.platformNames(id)
	f.platform.SetText(name)
}

func (f *accountForm) onPickPlatform() {
	f.u.pickPlatform(func(id string) {
		f.setPlatform(id)
		if f.name.Text == "" {
			name, _ := f.u.platformNames(id)
			f.name.SetText(name)
		}
	})
}

// account is the form's content as an account.
func (f *accountForm) account() accounts.Account {
	a := f.orig
	a.PlatformID, a.Name, a.Login, a.Phone, a.Email = f.platformID, f.name.Text, f.login.Text, f.phone.Text, f.email.Text
	a.RealName, a.Seller, a.Notes = f.realName.Checked, f.seller.Checked, f.notes.Text
	a.ThirdParty = nil
	for _, t := range kit.ThirdParties {
		for _, s := range f.third.Selected {
			if s == kit.ThirdPartyLabel(t) {
				a.ThirdParty = append(a.ThirdParty, t)
			}
		}
	}
	// Logins the form does not offer (from imports) are kept.
	for _, t := range f.orig.ThirdParty {
		known := false
		for _, k := range kit.ThirdParties {
			known = known || k == t
		}
		if !known {
			a.ThirdParty = append(a.ThirdParty, t)
		}
	}
	return a
}

func (f *accountForm) onSave() {
	if f.platformID == "" {
		kit.ShowError(errors.New(lang.L("Platform")+lang.L(": ")+lang.L("Choose a platform, or \"Other platform\" if it is not listed.")), f.u.env().Window)
		return
	}
	a := f.account()
	var saved accounts.Account
	var err error
	if a.ID == "" {
		saved, err = f.u.env().Service.Add(f.u.env().Ctx, a)
	} else {
		saved, err = f.u.env().Service.Update(f.u.env().Ctx, a)
	}
	if err != nil {
		f.u.ShowError(err)
		if errors.Is(err, accounts.ErrConflict) {
			f.dlg.Hide()
			f.u.AccountChanged(a.ID)
		}
		return
	}
	f.dlg.Hide()
	f.u.Reload()
	f.u.SelectAccount(saved.ID)
}
