package phonecheck

import (
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
	"github.com/unbindapp/unbind/assets"
)

func builtinCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, errs := catalog.Load(assets.Catalog, "")
	if cat == nil || len(errs) > 0 {
		t.Fatalf("catalog: %v", errs)
	}
	return cat
}

func TestResolveCompany(t *testing.T) {
	cat := builtinCatalog(t)
	for in, want := range map[string]string{
		"alibaba": "alibaba", "阿里巴巴": "alibaba", "阿里巴巴集团": "alibaba", "Alibaba Group": "alibaba",
		"京东": "jd", "JD": "jd", "腾讯": "tencent", "深圳市腾讯计算机系统有限公司": "tencent",
		"拼多多": "pdd", "字节跳动": "bytedance", "美团": "meituan", "淘宝": "alibaba", "小红书": "xingin",
		"快手": "kuaishou", "苏宁": "suning", " 微博 ": "weibo", "百度": "baidu", "网易": "netease",
	} {
		c, ok, err := ResolveCompany(cat, in)
		if err != nil || !ok || c.ID != want {
			t.Errorf("ResolveCompany(%q) = %q, %v, %v; want %s", in, c.ID, ok, err, want)
		}
	}
	for _, in := range []string{"中国移动", "某某云盘", "", "阿"} {
		if c, ok, err := ResolveCompany(cat, in); ok || err != nil {
			t.Errorf("ResolveCompany(%q) = %q, %v, %v; want unknown", in, c.ID, ok, err)
		}
	}
}

func TestParseCounts(t *testing.T) {
	cat := builtinCatalog(t)
	got, err := ParseCounts(cat, []string{"阿里巴巴=2", "京东：1", "腾讯 3个", "某某云盘=1"})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id    string
		known bool
		n     int
	}{{"alibaba", true, 2}, {"jd", true, 1}, {"tencent", true, 3}, {"某某云盘", false, 1}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		if got[i].Company.ID != w.id || got[i].InCatalog != w.known || got[i].Count != w.n {
			t.Errorf("%d: %+v, want %+v", i, got[i], w)
		}
	}
	for _, bad := range [][]string{{"阿里巴巴"}, {"阿里巴巴=-1"}, {"阿里巴巴=two"}, {"阿里巴巴=1000"}, {"=3"},
		{"alibaba=1", "淘宝=2"}} {
		if _, err := ParseCounts(cat, bad); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("ParseCounts(%q) = %v, want a one-line error", bad, err)
		}
	}
}

func TestComparePhone(t *testing.T) {
	cat := builtinCatalog(t)
	all := []accounts.Account{
		{ID: "tb", PlatformID: "taobao", Name: "淘宝", Login: "tb_alice", Phone: "+86 138 1234 5678", Status: accounts.StatusActive},
		{ID: "tm", PlatformID: "tmall", Name: "天猫", Login: "13812345678", Status: accounts.StatusActive}, // same Taobao account
		{ID: "jd", PlatformID: "jd", Name: "京东", Login: "138-1234-5678", Status: accounts.StatusPreparing},
		{ID: "jd2", PlatformID: "jd", Name: "京东旧号", Phone: "13812345678", Status: accounts.StatusDeactivated},         // gone
		{ID: "qq", PlatformID: "qq", Name: "QQ", Login: "12345", Phone: "13900000000", Status: accounts.StatusActive}, // other number
		{ID: "dy", PlatformID: "douyin", Name: "抖音", Phone: "13812345678", Status: accounts.StatusActive},
		{ID: "c", PlatformID: "custom", Name: "团购群", Phone: "13812345678", Status: accounts.StatusActive},
	}
	counts, err := ParseCounts(cat, []string{"阿里巴巴=2", "京东=1", "腾讯=3", "某某云盘=1"})
	if err != nil {
		t.Fatal(err)
	}
	res := Compare(cat, "138 1234 5678", counts, all)
	if res.Phone != "138****5678" || res.Missing != 1+3+1 {
		t.Fatalf("phone %q, missing %d", res.Phone, res.Missing)
	}
	type row struct {
		id                       string
		reported, known, missing int
		accounts, steps          int
	}
	want := []row{{"alibaba", 2, 1, 1, 2, 5}, {"jd", 1, 1, 0, 1, 0}, {"tencent", 3, 0, 3, 0, 5}, {"某某云盘", 1, 0, 1, 0, 6}}
	for i, w := range want {
		c := res.Companies[i]
		got := row{c.Company.ID, c.Reported, c.Known, c.Missing, len(c.Accounts), len(c.Steps)}
		if got != w {
			t.Errorf("company %d: %+v, want %+v", i, got, w)
		}
	}
	ali := res.Companies[0]
	if len(ali.Platforms) < 5 || !strings.Contains(ali.Steps[0].Zh, "138****5678") || strings.Contains(ali.Steps[0].En, "13812345678") {
		t.Errorf("alibaba platforms %d, step %+v", len(ali.Platforms), ali.Steps[0])
	}
	if len(res.NotEntered) != 1 || res.NotEntered[0].Company.ID != "bytedance" || res.NotEntered[0].Reported != -1 {
		t.Errorf("not entered: %+v", res.NotEntered)
	}
}

func TestMaskedLogin(t *testing.T) {
	for in, want := range map[string]string{
		"+86 138-1234-5678": "138****5678", "13812345678": "138****5678", "alice@example.com": "a***@example.com", "tb_alice": "t******e", "": "",
		"@example.com": "***@example.com", "a@@b.com": "a***@b.com",
	} {
		if got := accounts.MaskLogin(in); got != want {
			t.Errorf("accounts.MaskLogin(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseCounts: any text typed into the 一证通查 form: no panic, one
// line on error, and counts it accepts are 0 or more.
func FuzzParseCounts(f *testing.F) {
	cat := builtinCatalog(f)
	f.Add("阿里巴巴=2\n京东：1\n腾讯 3个")
	f.Add("\x1b[2J=1")
	f.Add("阿里巴巴=99999999999999999999")
	f.Fuzz(func(t *testing.T, text string) {
		counts, err := ParseCounts(cat, strings.Split(text, "\n"))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of several lines: %q", err)
			}
			return
		}
		for _, c := range counts {
			if c.Count < 0 {
				t.Fatalf("negative count %+v", c)
			}
		}
	})
}
