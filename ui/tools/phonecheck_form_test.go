package tools

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/unbindapp/unbind/accounts/importer"
)

func TestPhoneCheckFormComparesSavesAndExplains(t *testing.T) {
	tools, win := newToolsEnv(t, nil)
	// JD and Pinduoduo logins in chrome.csv are 138 1234 5678.
	res, err := importer.ReadFile(filepath.Join(toolSamples, "chrome.csv"), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	shopping, _ := importer.Split(importer.Propose(res.Entries, matcherForTest(tools)))
	if _, err := importer.Apply(ctxBackground(), tools.Store, shopping, importer.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	saved := 0
	f := ShowPhoneCheck(win, tools, func() { saved++ })
	if f.order[0].ID != "alibaba" || f.counts["tencent"] == nil {
		t.Fatalf("companies: %+v", f.order[:3])
	}
	f.tabs.SelectIndex(1)
	test.Tap(f.compare)
	if !strings.Contains(f.msg.text(), "phone number") {
		t.Errorf("no phone: %q", f.msg.text())
	}
	test.Type(f.phone, "138 1234 5678")
	test.Tap(f.compare)
	if !strings.Contains(f.msg.text(), "at least one company") {
		t.Errorf("no counts: %q", f.msg.text())
	}
	test.Type(f.counts["jd"], "x")
	test.Tap(f.compare)
	if f.msg.text() != "“jd=x”: the count must be a whole number from 0 to 999." {
		t.Errorf("bad count: %q", f.msg.text())
	}
	f.counts["jd"].SetText("1")
	f.counts["tencent"].SetText("3")
	f.counts["pdd"].SetText("1")
	f.other.SetText("某某云盘=1")
	test.Tap(f.compare)
	if f.result == nil || f.result.Missing != 4 || !strings.Contains(f.msg.text(), "reports 4 accounts for 138****5678") || saved != 1 {
		t.Fatalf("result %+v, message %q, saved %d", f.result, f.msg.text(), saved)
	}
	var texts []string
	for _, o := range test.LaidOutObjects(f.results) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"Tencent: the SMS reports 3, Unbind knows 0", "3 to find", "JD.com, Inc.: the SMS reports 1, Unbind knows 1", "Matches",
		"QQ (qq.com)", "forgot password", "某某云盘", "Pinduoduo — yangkeduo.com 138****5678"} {
		if !strings.Contains(all, want) {
			t.Errorf("results lack %q:\n%s", want, all)
		}
	}
	if len(f.result.NotEntered) != 0 {
		t.Errorf("not entered: %+v", f.result.NotEntered)
	}
	checks, err := tools.Store.PhoneChecks(ctxBackground())
	if err != nil || len(checks) != 1 || checks[0].Counts["tencent"] != 3 || checks[0].Counts["某某云盘"] != 1 || checks[0].Phone != "13812345678" {
		t.Errorf("saved: %+v %v", checks, err)
	}
	if events, _ := tools.Store.Events(ctxBackground(), "phone:13812345678"); len(events) != 1 {
		t.Errorf("history: %+v", events)
	}
}

// matcherForTest adapts the tools' catalog for importer.Propose.
func matcherForTest(t Deps) importer.Matcher {
	w := &ImportWizard{t: t}
	return w.matcher()
}
