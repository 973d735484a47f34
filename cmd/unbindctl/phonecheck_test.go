package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts/store"
)

func TestPhoneCheck(t *testing.T) {
	dir := t.TempDir()
	// chrome.csv has JD and Pinduoduo logins that are 138 1234 5678.
	mustCLI(t, dir, "import", filepath.Join(samplesDir, "chrome.csv"))
	mustCLI(t, dir, "account", "add", "--platform", "taobao", "--name", "淘宝小号", "--phone", "+86 138 1234 5678")
	var out phoneCheckOutput
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "phone-check", "138-1234-5678", "阿里巴巴=2", "京东=1", "腾讯=3", "pdd=1", "--json")), &out); err != nil {
		t.Fatal(err)
	}
	if out.ID == "" || out.CheckedAt.IsZero() || out.Phone != "138****5678" || out.Missing != 1+3 {
		t.Fatalf("JSON: %+v", out)
	}
	got := map[string][3]int{}
	for _, c := range out.Companies {
		got[c.Company.ID] = [3]int{c.Reported, c.Known, c.Missing}
	}
	want := map[string][3]int{"alibaba": {2, 1, 1}, "jd": {1, 1, 0}, "tencent": {3, 0, 3}, "pdd": {1, 1, 0}}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: reported/known/missing %v, want %v", id, got[id], w)
		}
	}

	text := mustCLI(t, dir, "phone-check", "13812345678", "阿里巴巴=2", "京东=1", "--lang", "zh")
	for _, s := range []string{"阿里巴巴集团", "138****5678", "淘宝 (taobao.com)", "忘记密码", "自动注册"} {
		if !strings.Contains(text, s) {
			t.Errorf("text output lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "13812345678") {
		t.Error("the full phone number is printed")
	}
	en := mustCLI(t, dir, "phone-check", "13812345678", "alibaba=1", "--lang", "en")
	if !strings.Contains(en, "the inventory knows every account") || !strings.Contains(en, "not entered") {
		t.Errorf("english output:\n%s", en)
	}

	st, err := store.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checks, err := st.PhoneChecks(context.Background())
	if err != nil || len(checks) != 3 || checks[len(checks)-1].Counts["tencent"] != 3 {
		t.Errorf("saved checks: %+v %v", checks, err)
	}
	events, _ := st.Events(context.Background(), "phone:13812345678")
	if len(events) != 3 || events[0].Kind != "phone_check" {
		t.Errorf("history: %+v", events)
	}
}

func TestPhoneCheckUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"phone-check"},
		{"phone-check", "13812345678"},
		{"phone-check", "not-a-phone", "京东=1"},
		{"phone-check", "13812345678", "京东"},
		{"phone-check", "13812345678", "京东=-2"},
		{"phone-check", "13812345678", "京东=1", "jd=2"},
		{"phone-check", "13812345678", "京东=1", "--lang", "fr"},
	} {
		if _, errs, code := cli(t, dir, "", args...); code != 2 || strings.Count(errs, "\n") < 1 {
			t.Errorf("%q: exit %d, %q; want a usage error", args, code, errs)
		}
	}
	if n, _ := importDBDigest(t, dir); n != 0 {
		t.Error("a refused check wrote something")
	}
}
