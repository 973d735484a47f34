package account

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/ui/internal/uitest"
	"github.com/unbindapp/unbind/ui/kit"
)

func TestTickStepsChangesStatusAndHistory(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "taobao", Name: "Taobao main", Phone: "13812345678", RealName: true})
	u.selectAccount(a.ID)
	if u.detail.status.Text() != "Active" {
		t.Fatalf("status %q", u.detail.status.Text())
	}
	if !strings.Contains(u.detail.next.Text(), "Next: to start") {
		t.Errorf("next action: %q", u.detail.next.Text())
	}
	key := string(accounts.TrackAccountDelete) + "/" + accounts.PrereqKey("backup_orders")
	check := u.detail.steps.checks[key]
	if check == nil {
		keys := []string{}
		for k := range u.detail.steps.checks {
			keys = append(keys, k)
		}
		t.Fatalf("no checkbox %s among %v", key, keys)
	}
	test.Tap(check)
	if got := u.detail.status.Text(); got != "Preparing" {
		t.Errorf("after the first tick the status is %q, want Preparing", got)
	}
	if got, _ := u.svc.Get(context.Background(), a.ID); got.Status != accounts.StatusPreparing {
		t.Errorf("the store holds %s, want preparing", got.Status)
	}
	if !u.detail.steps.checks[key].Checked {
		t.Error("the ticked box is not ticked after the refresh")
	}
	hist := strings.Join(u.detail.hist.lines, "\n")
	for _, want := range []string{"Ticked \"", "Status Active → Preparing (Account deletion)", "Added to Unbind"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %q:\n%s", want, hist)
		}
	}
	// Unticking asks, and is recorded as a correction.
	test.Tap(u.detail.steps.checks[key])
	test.Tap(uitest.Button(uitest.Top(u.win), "Yes"))
	if !strings.Contains(u.detail.hist.lines[0], "was ticked by mistake") {
		t.Errorf("newest history line: %q", u.detail.hist.lines[0])
	}
	// Evidence entry.
	ticket := u.detail.steps.tickets[accounts.TrackAccountDelete]
	test.Type(ticket, "TB-123")
	test.Tap(u.detail.steps.saves[accounts.TrackAccountDelete])
	if !strings.Contains(u.detail.hist.lines[0], "Ticket TB-123 recorded") {
		t.Errorf("newest history line: %q", u.detail.hist.lines[0])
	}
}

func TestStatusButtonsOfferOnlyNextAndExplainIllegalMoves(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD"})
	u.selectAccount(a.ID)
	var offered []string
	for _, o := range u.detail.moves.Objects {
		if b, ok := o.(*widget.Button); ok {
			offered = append(offered, b.Text)
		}
	}
	if strings.Join(offered, ",") != "Preparing,Kept" {
		t.Errorf("an active account offers %v, want Preparing and Kept (Status.Next)", offered)
	}
	// Someone else (unbindctl) keeps the account meanwhile; the window
	// still offers the old moves, and trying one says why it fails.
	if _, err := u.svc.ChangeStatus(context.Background(), a.ID, accounts.StatusKept, accounts.StatusChange{}); err != nil {
		t.Fatal(err)
	}
	test.Tap(uitest.Button(u.detail.moves, "Kept"))
	test.Tap(uitest.Button(uitest.Top(u.win), "Kept"))
	if !uitest.TopShows(u.win, "This account is Kept now (perhaps changed elsewhere), so it cannot become Kept. From Kept it can become: Active, Preparing.") {
		t.Error("no dialog explaining the illegal move")
	}
	if u.detail.status.Text() != "Kept" {
		t.Errorf("the header was not refreshed: %q", u.detail.status.Text())
	}
}

func TestSubmitThroughDialogStartsReview(t *testing.T) {
	u := newTestUI(t, nil)
	a := add(t, u, accounts.Account{PlatformID: "tmall", Name: "Tmall", RealName: true})
	u.selectAccount(a.ID)
	test.Tap(uitest.Button(u.detail.moves, "Preparing"))
	test.Tap(uitest.Button(uitest.Top(u.win), "Preparing"))
	if u.detail.acc.Status != accounts.StatusPreparing {
		t.Fatalf("status %s", u.detail.acc.Status)
	}
	test.Tap(uitest.Button(u.detail.moves, "Submitted"))
	dlg := uitest.Top(u.win)
	uitest.Find(dlg, func(*widget.Select) bool { return true }).SetSelected("Real-name unbinding")
	test.Type(uitest.Find(dlg, func(e *kit.Entry) bool { return strings.HasPrefix(e.PlaceHolder, "Ticket") }), "TM-42")
	test.Tap(uitest.Button(dlg, "Submitted"))
	if u.detail.acc.Status != accounts.StatusSubmitted {
		t.Fatalf("status %s", u.detail.acc.Status)
	}
	if len(u.detail.reviews.Objects) != 1 {
		t.Fatalf("%d running reviews shown, want 1", len(u.detail.reviews.Objects))
	}
	text := uitest.Find(u.detail.reviews, func(p *kit.Paragraph) bool { return strings.HasPrefix(p.Text(), "Review of") })
	if text == nil || !strings.Contains(text.Text(), "1–3 working days") {
		t.Errorf("review line: %v", text)
	}
	if h := u.detail.hist.lines[0]; h != "Status Preparing → Submitted (Real-name unbinding)" {
		t.Errorf("newest history line %q", h)
	}
}

func TestIdentityGroupHints(t *testing.T) {
	u := newTestUI(t, nil)
	tb := add(t, u, accounts.Account{PlatformID: "taobao", Name: "Taobao"})
	shop := add(t, u, accounts.Account{PlatformID: "douyin-shop", Name: "Shop", Seller: true})
	dy := add(t, u, accounts.Account{PlatformID: "douyin", Name: "Douyin"})
	hint := func(id string) string {
		u.selectAccount(id)
		return strings.Join(uitest.Texts(u.detail.steps.content), "\n")
	}
	if h := hint(tb.ID); !strings.Contains(h, "Tmall") || !strings.Contains(h, "Xianyu") || !strings.Contains(h, "deleting it here also ends them") {
		t.Errorf("Taobao hints:\n%s", h)
	}
	if h := hint(shop.ID); !strings.Contains(h, "belongs to your Douyin account") {
		t.Errorf("Douyin shop hints:\n%s", h)
	}
	if h := hint(dy.ID); !strings.Contains(h, "First \"Shop closure\" on Douyin Shop") {
		t.Errorf("Douyin account requirements:\n%s", h)
	}
}

// The refusal's reason is where the next step points to it, in the
// header, not only in the history.
func TestRejectionReasonInTheNextStep(t *testing.T) {
	u := newTestUI(t, nil)
	ctx := context.Background()
	a := add(t, u, accounts.Account{PlatformID: "jd", Name: "JD", Status: accounts.StatusSubmitted})
	if _, err := u.svc.ChangeStatus(ctx, a.ID, accounts.StatusRejected, accounts.StatusChange{Note: "身份证照片不清晰"}); err != nil {
		t.Fatal(err)
	}
	u.selectAccount(a.ID)
	if got := u.detail.next.Text(); !strings.Contains(got, "身份证照片不清晰") || !strings.Contains(got, "submit again") {
		t.Errorf("next step %q does not give the reason", got)
	}
}
