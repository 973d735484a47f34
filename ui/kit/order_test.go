package kit

import (
	"strings"
	"testing"
	"time"

	"github.com/unbindapp/unbind/accounts/catalog"
)

// In Chinese the list follows pinyin (京东 jingdong, 淘宝 taobao, 支付宝
// zhifubao; code points would put 支 before 淘), in English the alphabet
// (Alipay first), and the person's own platforms come first in both.
func TestPlatformsSortByPinyinOwnFirst(t *testing.T) {
	dir := t.TempDir()
	own := catalog.Custom(catalog.Text{Zh: "小区团购", En: "Group buy"}, nil, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if _, err := catalog.SaveUser(dir, own); err != nil {
		t.Fatal(err)
	}
	c, errs := catalog.LoadFor(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	pick := func(ids ...string) []catalog.Platform {
		var out []catalog.Platform
		for _, id := range ids {
			p, ok := c.Platform(id)
			if !ok {
				t.Fatalf("no platform %s", id)
			}
			out = append(out, p)
		}
		return out
	}
	defer SetupLanguage(LangEn)
	for lang, want := range map[string]string{
		LangZh: own.ID + " jd taobao alipay",
		LangEn: own.ID + " alipay jd taobao",
	} {
		SetupLanguage(lang)
		ps := pick("taobao", "alipay", own.ID, "jd")
		SortPlatforms(ps, c)
		var ids []string
		for _, p := range ps {
			ids = append(ids, p.ID)
		}
		if got := strings.Join(ids, " "); got != want {
			t.Errorf("%s: %s, want %s", lang, got, want)
		}
		names := []string{"淘宝", "支付宝", "京东"}
		keys := []string{"taobao", "alipay", "jd"}
		SortByName(keys, names)
		if lang == LangZh && strings.Join(keys, " ") != "jd taobao alipay" {
			t.Errorf("SortByName in zh: %v %v", keys, names)
		}
	}
}
