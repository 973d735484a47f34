package catalog

import (
	"slices"
	"testing"
)

func TestMatchHost(t *testing.T) {
	c := builtin(t)
	cases := []struct {
		host, want string
	}{
		{"taobao.com", "taobao"},
		{"login.taobao.com", "taobao"},
		{"LOGIN.TAOBAO.COM.", "taobao"},
		{"m.tb.cn", "taobao"},
		{"2.taobao.com", "xianyu"}, // longer domain beats taobao.com
		{"www.goofish.com", "xianyu"},
		{"m.jd.com", "jd"},
		{"passport.jd.com:443", "jd"},
		{"jr.jd.com", "jd-finance"},
		{"mobile.yangkeduo.com", "pinduoduo"},
		{"https://mobile.yangkeduo.com/login.html?x=1", "pinduoduo"},
		{"weixin.qq.com", "wechat"},
		{"mp.weixin.qq.com", "wechat"},
		{"mail.qq.com", "qq"},
		{"fxg.jinritemai.com", "douyin-shop"},
		{"www.douyin.com", "douyin"},
		{"detail.tmall.com", "tmall"},
		{"www.tmall.hk", "tmall-global"},
		{"www.amazon.cn", "amazon"},
		{"signin.ebay.co.uk", "ebay"},
		{"user@login.1688.com", "1688"},
	}
	for _, tc := range cases {
		p, ok := c.MatchHost(tc.host)
		if !ok || p.ID != tc.want {
			t.Errorf("MatchHost(%q) = %q, %v; want %q", tc.host, p.ID, ok, tc.want)
		}
	}
	for _, host := range []string{"", "example.com", "nottaobao.com", "taobao.com.evil.example", "com", "localhost", "tmall"} {
		if p, ok := c.MatchHost(host); ok {
			t.Errorf("MatchHost(%q) = %q, want no match", host, p.ID)
		}
	}
}

func ids(ps []Platform) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestSearch(t *testing.T) {
	c := builtin(t)
	first := func(q string) string {
		r := c.Search(q)
		if len(r) == 0 {
			return ""
		}
		return r[0].ID
	}
	for q, want := range map[string]string{
		"拼多多":          "pinduoduo",
		"PDD":          "pinduoduo",
		"pinduoduo":    "pinduoduo",
		"天猫国际":         "tmall-global",
		"tmall global": "tmall-global",
		"Tmall":        "tmall",
		"抖店":           "douyin-shop",
		"抖音":           "douyin",
		"ele.me":       "eleme",
		"饿了么":          "eleme",
		"WeChat":       "wechat",
		"微信":           "wechat",
		"jd.com":       "jd",
		"1688":         "1688",
	} {
		if got := first(q); got != want {
			t.Errorf("Search(%q) first = %q, want %q (all: %v)", q, got, want, ids(c.Search(q)))
		}
	}
	if r := c.Search("抖音"); !slices.Contains(ids(r), "douyin-shop") {
		t.Errorf("Search(抖音) should also find the shop: %v", ids(r))
	}
	if r := c.Search("no-such-platform-xyz"); len(r) != 0 {
		t.Errorf("Search(nonsense) = %v", ids(r))
	}
	if r := c.Search("  "); len(r) != c.Len() {
		t.Errorf("empty search returned %d, want all %d", len(r), c.Len())
	}
}

func TestAllSortedAndCopied(t *testing.T) {
	c := builtin(t)
	all := c.All()
	if !slices.IsSortedFunc(all, func(a, b Platform) int {
		if a.ID < b.ID {
			return -1
		}
		return 1
	}) {
		t.Errorf("All not sorted: %v", ids(all))
	}
	all[0] = Platform{ID: "changed"}
	if c.All()[0].ID == "changed" {
		t.Error("All shares its slice with the catalog")
	}
}

func TestGroupsTiesAndCompanies(t *testing.T) {
	c := builtin(t)
	if g := ids(c.GroupOf("douyin")); !slices.Equal(g, []string{"douyin", "douyin-shop"}) {
		t.Errorf("GroupOf(douyin) = %v", g)
	}
	if g := ids(c.GroupOf("kuaishou-shop")); !slices.Equal(g, []string{"kuaishou", "kuaishou-shop"}) {
		t.Errorf("GroupOf(kuaishou-shop) = %v", g)
	}
	if g := ids(c.GroupOf("meituan")); !slices.Equal(g, []string{"meituan"}) {
		t.Errorf("a platform without group is its own: %v", g)
	}
	if g := c.GroupOf("nope"); g != nil {
		t.Errorf("GroupOf(unknown) = %v", ids(g))
	}
	tied := ids(c.TiedTo("alipay"))
	for _, id := range []string{"taobao", "tmall", "xianyu", "tmall-global"} {
		if !slices.Contains(tied, id) {
			t.Errorf("TiedTo(alipay) lacks %s: %v", id, tied)
		}
	}
	ali := ids(c.ByCompany("alibaba"))
	for _, id := range []string{"taobao", "tmall", "tmall-global", "xianyu", "alipay", "1688", "eleme", "aliexpress"} {
		if !slices.Contains(ali, id) {
			t.Errorf("ByCompany(alibaba) lacks %s: %v", id, ali)
		}
	}
	for company, want := range map[string][]string{
		"tencent":   {"channels-shop", "qq", "tencent-video", "wechat"},
		"pdd":       {"pinduoduo", "temu"},
		"bytedance": {"douyin", "douyin-shop"},
		"jd":        {"jd", "jd-finance"},
	} {
		if got := ids(c.ByCompany(company)); !slices.Equal(got, want) {
			t.Errorf("ByCompany(%s) = %v, want %v", company, got, want)
		}
	}
}

func TestTextIn(t *testing.T) {
	x := Text{Zh: "注销", En: "delete"}
	for lang, want := range map[string]string{
		"zh": "注销", "zh_CN.UTF-8": "注销", "zh-TW": "注销", "ZH": "注销",
		"en": "delete", "en_US.UTF-8": "delete", "": "delete", "fr": "delete", "C": "delete",
	} {
		if got := x.In(lang); got != want {
			t.Errorf("In(%q) = %q, want %q", lang, got, want)
		}
	}
	if got := (Text{Zh: "只有中文"}).In("en"); got != "只有中文" {
		t.Errorf("fallback to zh: %q", got)
	}
	if got := (Text{En: "English only"}).In("zh"); got != "English only" {
		t.Errorf("fallback to en: %q", got)
	}
}
