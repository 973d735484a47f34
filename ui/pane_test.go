package ui

import (
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
)

// A tick in the account pane reaches the list on the left: the shell
// reloads that account after the pane reports the change.
func TestListFollowsTheAccountPane(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "taobao", Name: "Taobao main"})
	u.selectAccount(a.ID)
	first := uitest.Find(u.detail.Content(), func(c *widget.Check) bool { return !c.Disabled() && c.Text != "" })
	if first == nil {
		t.Fatal("the steps pane shows no checkbox")
	}
	test.Tap(first)
	if got := u.items[mustPosition(t, u, a.ID)].Account.Status; got != accounts.StatusPreparing {
		t.Errorf("the list shows %s after the first tick, want preparing", got)
	}
}

// The shell's keyring check reports a Secret Service that is gone, and
// the pane's banner says so.
func TestKeyringCheckReportsMissingKeyring(t *testing.T) {
	u := newTestUI(t, uitest.NoSecretService{})
	add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	u.CheckKeyringOnce()
	u.bg.Wait()
	if u.KeyringProblem() == nil {
		t.Fatal("the keyring check did not report the missing keyring")
	}
	u.selectAccount(u.items[0].Account.ID)
	uitest.Find(u.detail.Content(), func(*container.AppTabs) bool { return true }).SelectIndex(1) // Credentials
	if !uitest.Shows(u.detail.Content(), "keyring is not available") {
		t.Error("the Credentials tab does not say the keyring is unavailable")
	}
}

// mustPosition is the account's position in the list, or the test fails.
func mustPosition(t *testing.T, u *UI, id string) int {
	t.Helper()
	i, ok := u.position(id)
	if !ok {
		t.Fatalf("account %s is not in the list", id)
	}
	return i
}
