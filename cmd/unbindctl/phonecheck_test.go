package main

import (
	"context"
	"encoding/json"
	"os"
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

func TestPhoneCheckSMS(t *testing.T) {
	dir := t.TempDir()
	mustCLI(t, dir, "import", filepath.Join(samplesDir, "chrome.csv")) // JD and Pinduoduo on 138 1234 5678
	mustCLI(t, dir, "account", "add", "--platform", "meituan", "--name", "美团", "--phone", "13812345678")
	sms := filepath.Join(dir, "sms.txt")
	text := "【工信部反诈中心】(1/2)您查询的手机号码138****5678关联的互联网账号：京东１个，美团1个，\n【工信部反诈中心】(2/2)腾讯2个，共计4个账号。"
	if err := os.WriteFile(sms, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	// The SMS masks the number: it must be given.
	if _, errs, code := cli(t, dir, "", "phone-check", "--sms", sms); code != 2 || !strings.Contains(errs, "masked (138****5678)") {
		t.Errorf("masked SMS without a number: exit %d, %q", code, errs)
	}
	if _, errs, code := cli(t, dir, "", "phone-check", "--sms", sms, "13900000000"); code != 2 || !strings.Contains(errs, "not 139****0000") {
		t.Errorf("another number: exit %d, %q", code, errs)
	}
	var out phoneCheckOutput
	if err := json.Unmarshal([]byte(mustCLI(t, dir, "phone-check", "--sms", sms, "138 1234 5678", "--json")), &out); err != nil {
		t.Fatal(err)
	}
	if out.SMS == nil || out.SMS.Total != 4 || len(out.Companies) != 3 || out.Missing != 2 || out.PreviousAt != nil {
		t.Fatalf("JSON: %+v (sms %+v)", out, out.SMS)
	}
	// The same from standard input, with the full number in the SMS: the
	// second check shows the change against the first.
	stdout, errs, code := cli(t, dir, "(1/1)京东：0个 腾讯２个 手机号13812345678", "phone-check", "--sms", "-", "--lang", "en")
	if code != 0 {
		t.Fatalf("stdin: exit %d: %s", code, errs)
	}
	for _, want := range []string{"compared with the check of", "JD.com, Inc.: 1 at the previous check, 0 now", "Meituan: listed 1 at the previous check, not listed now"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("second check lacks %q:\n%s", want, stdout)
		}
	}
	_, before := importDBDigest(t, dir)
	for _, in := range []string{"hello", "", "腾讯2个\n腾讯3个"} {
		if _, errs, code := cli(t, dir, in, "phone-check", "--sms", "-", "13812345678"); code != 2 || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
			t.Errorf("%q: exit %d, %q; want one usage line", in, code, errs)
		}
	}
	if _, errs, code := cli(t, dir, "", "phone-check", "--sms", filepath.Join(dir, "missing.txt"), "13812345678"); code != 2 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
	if _, after := importDBDigest(t, dir); after != before {
		t.Error("a refused SMS wrote something")
	}
}
