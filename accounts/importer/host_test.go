package importer

import "testing"

func TestHostOf(t *testing.T) {
	tests := map[string]string{
		"https://login.taobao.com/member/login.jhtml": "login.taobao.com",
		"HTTPS://WWW.TMALL.COM:443/":                  "tmall.com",
		"http://user:pass@passport.jd.com:8080/x?y#z": "passport.jd.com",
		"m.jd.com/cart":                                   "m.jd.com",
		"  www.yangkeduo.com  ":                           "yangkeduo.com",
		"mobile.yangkeduo.com.":                           "mobile.yangkeduo.com",
		"https://淘宝.com/":                                 "xn--pbt173b.com",
		"https://京东。COM":                                  "xn--xhq9m.com",
		"android://aGFzaA==@com.taobao.taobao/":           "taobao.com",
		"android://aGFzaA==@com.jingdong.app.mall":        "jd.com",
		"androidapp://com.xunmeng.pinduoduo":              "pinduoduo.com",
		"iosapp://com.360buy.jdmobile":                    "jd.com",
		"android://aGFzaA==@com.example.unknown/":         "",
		"https://[2001:db8::1]:8443/":                     "2001:db8::1",
		"http://192.168.1.1":                              "192.168.1.1",
		"http://localhost:3000":                           "localhost",
		"https://my_router.lan/":                          "my_router.lan",
		"淘宝网":                                             "",
		"not a url":                                       "",
		"":                                                "",
		"mailto:alice@example.com":                        "example.com",
		"https://":                                        "",
		"https://exa mple.com":                            "",
		"ftp://files.example.com/pub":                     "files.example.com",
		"https://login.taobao.com\\@evil.example/":        "login.taobao.com",
		"https://evil.example\\@login.taobao.com/":        "evil.example",
		"chrome://FirefoxAccounts":                        "firefoxaccounts",
		"https://xn--7vv.com/":                            "xn--7vv.com",
		"https://WWW.Example.COM/Path":                    "example.com",
		"https://www./":                                   "www",
		"https://login.taobao.com:notaport/":              "login.taobao.com",
		"https://aLiPay.com?from=https://www.taobao.com/": "alipay.com",
	}
	for in, want := range tests {
		if got := HostOf(in); got != want {
			t.Errorf("HostOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDomainLikeTitle(t *testing.T) {
	for title, want := range map[string]string{
		"taobao.com": "taobao.com", "www.JD.com": "jd.com", "淘宝网": "", "v1.2": "", "Example, Inc.": "", "a.b c": "",
	} {
		e := Entry{Title: title, Login: "x"}
		e.finish()
		if e.Host != want {
			t.Errorf("title %q: host %q, want %q", title, e.Host, want)
		}
	}
}
