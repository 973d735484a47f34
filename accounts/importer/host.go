package importer

import (
	"net/netip"
	"strings"

	"golang.org/x/net/idna"
)

// appHosts maps the Android packages and iOS bundle IDs of the large
// shopping apps to their web host, so that logins saved from the apps
// (Chrome: android://<hash>@com.taobao.taobao/, Bitwarden:
// androidapp://com.taobao.taobao, iosapp://…) match the catalog. Unknown
// apps keep their ID in Entry.App and have no host.
var appHosts = map[string]string{
	"com.taobao.taobao":           "taobao.com",
	"com.taobao.taobao4iphone":    "taobao.com",
	"com.tmall.wireless":          "tmall.com",
	"com.jingdong.app.mall":       "jd.com",
	"com.360buy.jdmobile":         "jd.com",
	"com.xunmeng.pinduoduo":       "pinduoduo.com",
	"com.taobao.idlefish":         "goofish.com",
	"com.alibaba.wireless":        "1688.com",
	"com.eg.android.alipaygphone": "alipay.com",
	"com.achievo.vipshop":         "vip.com",
	"com.suning.mobile.ebuy":      "suning.com",
	"com.dangdang.buy2":           "dangdang.com",
	"com.xingin.xhs":              "xiaohongshu.com",
	"com.ss.android.ugc.aweme":    "douyin.com",
	"com.smile.gifmaker":          "kuaishou.com",
	"com.sankuai.meituan":         "meituan.com",
	"me.ele":                      "ele.me",
}

// HostOf returns the host an entry's URL field points at: lower-case ASCII
// (IDNs in punycode), without port, user info, trailing dot or a leading
// "www.". It accepts full URLs, bare domains ("jd.com/cart") and app links
// of known apps; it returns "" for anything else.
func HostOf(raw string) string {
	h, _ := hostAndApp(raw)
	return h
}

// hostAndApp returns the host of raw, and the app ID when raw is an app
// link.
func hostAndApp(raw string) (host, app string) {
	s := strings.TrimSpace(raw)
	lower := strings.ToLower(s)
	for _, prefix := range []string{"android://", "androidapp://", "iosapp://"} {
		if strings.HasPrefix(lower, prefix) {
			app = s[len(prefix):]
			if at := strings.IndexByte(app, '@'); at >= 0 { // android://<hash>@<package>/
				app = app[at+1:]
			}
			app, _, _ = strings.Cut(app, "/")
			return appHosts[strings.ToLower(app)], app
		}
	}
	rest := s
	schemed := false
	if i := strings.Index(s, "://"); i > 0 && isScheme(s[:i]) {
		rest, schemed = s[i+3:], true
	}
	if j := strings.IndexAny(rest, "/?#\\"); j >= 0 {
		rest = rest[:j]
	}
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		rest = rest[at+1:]
	}
	if strings.HasPrefix(rest, "[") { // IPv6 literal
		if end := strings.IndexByte(rest, ']'); end > 0 {
			if a, err := netip.ParseAddr(rest[1:end]); err == nil {
				return a.String(), ""
			}
		}
		return "", ""
	}
	if c := strings.LastIndexByte(rest, ':'); c >= 0 {
		rest = rest[:c]
	}
	// Fully qualified names end in dots ("taobao.com."); any number of them
	// names the same host.
	rest = strings.TrimRight(rest, ".")
	if rest == "" || strings.ContainsAny(rest, " \t\r\n\"'<>^`{|}%,;") {
		return "", ""
	}
	if ascii, err := idna.Lookup.ToASCII(rest); err == nil {
		rest = ascii
	} else if isASCII(rest) {
		rest = strings.ToLower(rest) // e.g. underscores, which IDNA refuses
	} else {
		return "", ""
	}
	rest = strings.TrimRight(rest, ".") // IDNA maps 。 to a dot
	if rest == "" || strings.HasPrefix(rest, ".") || strings.Contains(rest, "..") || !hostChars(rest) {
		return "", ""
	}
	if !schemed && !strings.Contains(rest, ".") {
		return "", "" // a word in a URL column is not a host
	}
	for strings.HasPrefix(rest, "www.") {
		rest = rest[len("www."):]
	}
	return rest, ""
}

// hostChars reports whether s holds only what a host name (after IDNA) or
// an IPv4 address can: a whitelist, because fuzzing kept finding control
// and other odd characters that slipped past a list of forbidden ones.
func hostChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return false
		}
	}
	return true
}

// domainLike reports whether a title is a bare domain such as "taobao.com"
// (Chrome names its entries so), to use when the URL is empty.
func domainLike(s string) bool {
	if s == "" || strings.ContainsAny(s, " /:@") || !strings.Contains(s, ".") {
		return false
	}
	tld := s[strings.LastIndexByte(s, '.')+1:]
	if len(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if r < 'A' || (r > 'Z' && r < 'a') || r > 'z' {
			return false
		}
	}
	return true
}

func isScheme(s string) bool {
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case i > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return s != ""
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// displayHost turns a punycode host back into Unicode for showing.
func displayHost(host string) string {
	if !strings.Contains(host, "xn--") {
		return host
	}
	if u, err := idna.Display.ToUnicode(host); err == nil {
		return u
	}
	return host
}
