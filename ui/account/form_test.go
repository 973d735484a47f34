package account

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
)

func TestAddAccountValidationKeepsForm(t *testing.T) {
	u := newTestUI(t, nil)
	f := u.view.u.openAccountForm(accounts.Account{})
	f.setPlatform("jd")
	test.Type(f.name, "JD")
	f.email.SetText("not-an-address")
	f.onSave() // the domain refuses: the form stays, the reason is shown
	if all, _ := u.st.Accounts(context.Background()); len(all) != 0 {
		t.Fatal("an invalid account was saved")
	}
	if !uitest.TopShows(u.win, "E-mail address: is not an e-mail address") {
		t.Error("no error dialog naming the e-mail field")
	}
}

func TestCustomPlatformWithOwnSteps(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: accounts.CustomPlatform, Name: "Group buy"})
	u.selectAccount(a.ID)
	if uitest.Button(u.detail.steps.content, "Create custom platform…") == nil {
		t.Fatal("a custom-platform account offers no custom platform")
	}
	f := u.view.u.onCustomPlatform(u.detail.acc)
	f.name.SetText("Neighbourhood Shop")
	f.steps.SetText("Message the organiser\nAsk them to delete my address")
	test.Type(f.review, "5")
	test.Tap(uitest.Button(uitest.Top(u.win), "Create"))
	p, ok := u.view.u.platform("user-neighbourhood-shop")
	if !ok || len(p.Tracks[0].Steps) != 2 || p.Tracks[0].ReviewWorkdays.Max != 5 {
		t.Fatalf("custom platform: %v %+v", ok, p)
	}
	if _, err := os.Stat(filepath.Join(u.dir, "catalog", "user-neighbourhood-shop.json")); err != nil {
		t.Error(err)
	}
	if u.detail.acc.PlatformID != p.ID || len(u.detail.steps.checks) != 4 { // 2 generic preparations + 2 steps
		t.Errorf("account platform %s, %d checkboxes", u.detail.acc.PlatformID, len(u.detail.steps.checks))
	}
}
