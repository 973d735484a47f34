package phonecheck

import (
	"errors"
	"strings"
	"testing"
)

// The result SMS texts below are built from what the public reports say
// the result holds (docs/research/phone-check-sms.md): a 【工信部反诈中心】
// signature, counts per company or per app, sometimes a total; none of the
// sources quotes a whole SMS, so the variants cover the forms described.
const (
	smsPerCompany = "【工信部反诈中心】您好！您查询的手机号码138****5678关联的互联网账号情况如下：腾讯2个，阿里巴巴1个，支付宝1个，" +
		"百度0个，快手0个，抖音1个，京东1个，美团1个，共计7个账号。如有疑问，请联系相应企业客服核实。"
	smsTwoParts = "【工信部反诈中心】(1/2)您的手机号１３８１２３４５６７８在以下应用注册了账号：\n微信：１个\nＱＱ：２个\n淘宝：１个\n" +
		"【工信部反诈中心】（2/2）支付宝：１个\r\n抖音：１个账号\n京东：１个"
)

func counts(s SMS) map[string]int {
	m := map[string]int{}
	for _, c := range s.Counts {
		m[c.Company.ID] = c.Count
	}
	return m
}

func sameCounts(t *testing.T, name string, got SMS, want map[string]int) {
	t.Helper()
	g := counts(got)
	if len(g) != len(want) {
		t.Errorf("%s: counts %v, want %v", name, g, want)
		return
	}
	for id, n := range want {
		if g[id] != n {
			t.Errorf("%s: %s = %d, want %d (all %v)", name, id, g[id], n, g)
		}
	}
}

func TestParseSMSRealLooking(t *testing.T) {
	cat := builtinCatalog(t)
	s, err := ParseSMS(cat, smsPerCompany)
	if err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "per company", s, map[string]int{"tencent": 2, "alibaba": 2, "baidu": 0, "kuaishou": 0, "bytedance": 1, "jd": 1, "meituan": 1})
	if s.MaskedPhone != "138****5678" || s.Phone != "" || s.Total != 7 || s.TotalMismatch() || len(s.Entries) != 8 {
		t.Errorf("phone %q %q, total %d, entries %+v", s.Phone, s.MaskedPhone, s.Total, s.Entries)
	}

	s, err = ParseSMS(cat, smsTwoParts)
	if err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "two parts", s, map[string]int{"tencent": 3, "alibaba": 2, "bytedance": 1, "jd": 1})
	if s.Phone != "13812345678" || s.Total != -1 || s.Counts[0].Company.ID != "tencent" {
		t.Errorf("phone %q, total %d, first %+v", s.Phone, s.Total, s.Counts[0])
	}
}

func TestParseSMSVariants(t *testing.T) {
	cat := builtinCatalog(t)
	for _, tc := range []struct {
		name, text string
		want       map[string]int
		total      int
	}{
		{"parts pasted in reverse", "(2/2)京东1个。\n(1/2)腾讯2个，", map[string]int{"jd": 1, "tencent": 2}, -1},
		{"same part twice", "腾讯2个，京东1个\n腾讯2个，京东1个", map[string]int{"tencent": 2, "jd": 1}, -1},
		{"breakdown in brackets", "腾讯3个（微信1个、QQ2个），美团1个", map[string]int{"tencent": 3, "meituan": 1}, -1},
		{"name before brackets", "阿里巴巴(含淘宝、支付宝)2个;京东 1 个账号", map[string]int{"alibaba": 2, "jd": 1}, -1},
		{"chinese numerals", "淘宝两个、微信一个、抖音十二个", map[string]int{"alibaba": 2, "tencent": 1, "bytedance": 12}, -1},
		{"bare numbers", "微信:1 QQ:2\n京东=1\n美团 3", map[string]int{"tencent": 3, "jd": 1, "meituan": 3}, -1},
		{"platform count, total", "在可供查询的11个互联网应用平台中，您的手机号共注册了3个账号：微信1个、淘宝两个",
			map[string]int{"tencent": 1, "alibaba": 2}, 3},
		{"full-width punctuation and spaces", "腾讯　２个；京东：１个！", map[string]int{"tencent": 2, "jd": 1}, -1},
		{"unknown company kept", "京东1个，某某云盘1个", map[string]int{"jd": 1, "某某云盘": 1}, -1},
		{"digits in a name", "58同城2个", map[string]int{"58同城": 2}, -1},
		{"dates and times ignored", "截至2024年7月26日10:30，腾讯1个", map[string]int{"tencent": 1}, -1},
		{"no separators", "腾讯2个阿里巴巴1个京东1个", map[string]int{"tencent": 2, "alibaba": 1, "jd": 1}, -1},
	} {
		s, err := ParseSMS(cat, tc.text)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		sameCounts(t, tc.name, s, tc.want)
		if s.Total != tc.total {
			t.Errorf("%s: total %d, want %d", tc.name, s.Total, tc.total)
		}
	}
	s, _ := ParseSMS(cat, "腾讯2个，京东1个\n腾讯2个，京东1个")
	if s.Repeated != 2 {
		t.Errorf("repeated %d, want 2", s.Repeated)
	}
	s, _ = ParseSMS(cat, "腾讯2个，共3个账号")
	if !s.TotalMismatch() {
		t.Error("a total the companies do not add up to is not flagged")
	}
}

func TestParseSMSGarbage(t *testing.T) {
	cat := builtinCatalog(t)
	for _, tc := range []struct {
		text string
		want SMSProblem
	}{
		{"", SMSEmpty},
		{" \n\t　", SMSEmpty},
		{"【工信部反诈中心】", SMSEmpty},
		{"hello world", SMSNoCounts},
		{"【某银行】您的验证码为123456，5分钟内有效。", SMSNoCounts},
		{"\x00\xff\xfe garbage 1/2 3/4 ***", SMSNoCounts},
		{"您的手机号共注册了14个账号", SMSOnlyTotal},
		{"腾讯2000个", SMSCountTooBig},
		{"腾讯2个\n腾讯3个", SMSConflict},
		{strings.Repeat("腾讯2个", MaxSMSBytes/len("腾讯2个")+1), SMSTooLong},
		{strings.Repeat("某云1个,", 10) + func() string {
			var b strings.Builder
			for i := range MaxSMSEntries + 1 {
				b.WriteString("云" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "1个,")
			}
			return b.String()
		}(), SMSTooMany},
	} {
		_, err := ParseSMS(cat, tc.text)
		var se *SMSError
		if !errors.As(err, &se) || se.Problem != tc.want {
			t.Errorf("ParseSMS(%.40q) = %v, want %s", tc.text, err, tc.want)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "phone check: ") {
			t.Errorf("ParseSMS(%.40q): error %q is not one line", tc.text, msg)
		}
	}
}

// TestParseSMSLinear: on texts built to make a scanner backtrack (long
// runs without separators, numbers that are no counts, names that end in
// fillers, many counts), the work stays within a constant of the length,
// at every size: counted, not timed.
func TestParseSMSLinear(t *testing.T) {
	cat := builtinCatalog(t)
	for _, unit := range []string{
		"在以下应用注册了账号：abc　def 12 3/4 ****",
		"有有有有有有有有有有有有有有有有有有有有有有有有有有有有有有有有",
		"１２３４５６７８９０年月日 138****5678 1/2 (3/4) [",
		"某某某某某某某某某某某某某某某某某某某某某某某某某某某某某1个",
		"腾讯2个（微信1个、QQ2个）",
		"十十十十一二三四五六七八九个个个",
	} {
		for _, n := range []int{10, 100, 1000} {
			text := strings.Repeat(unit, n)
			if len(text) > MaxSMSBytes {
				break
			}
			_, work, _ := parseSMS(cat, text)
			if runes := len([]rune(text)); work > 16*runes {
				t.Errorf("%d × %.12q: %d steps for %d runes", n, unit, work, runes)
			}
		}
	}
}

// FuzzParseSMS: any pasted text: no panic, one line on error, counts
// within bounds and the entries adding up to them.
func FuzzParseSMS(f *testing.F) {
	cat := builtinCatalog(f)
	for _, s := range []string{smsPerCompany, smsTwoParts, "腾讯3个（微信1个、QQ2个）", "淘宝十二个", "(1/2)(2/2)", "十十十个", "微信:", "【】【", "1/", "个个个"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s, err := ParseSMS(cat, text)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of several lines: %q", err)
			}
			var se *SMSError
			if !errors.As(err, &se) {
				t.Fatalf("not an *SMSError: %v", err)
			}
			return
		}
		if len(s.Counts) == 0 || len(s.Entries) > MaxSMSEntries {
			t.Fatalf("accepted with %d counts, %d entries", len(s.Counts), len(s.Entries))
		}
		for _, c := range s.Counts {
			if c.Count < 0 || c.Count > MaxCompanyCount || c.Company.ID == "" {
				t.Fatalf("bad count %+v", c)
			}
		}
	})
}
