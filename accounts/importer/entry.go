package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// Entry is one login read from an export.
type Entry struct {
	// Line is the physical line the record starts on (CSV records may span
	// lines), or where the item starts in a JSON file.
	Line  int
	Title string
	// URL is the entry's first URL as written in the export; OtherURLs are
	// the rest (Bitwarden and 1Password allow several).
	URL       string
	OtherURLs []string
	// Host is the lower-case ASCII host of the first URL that has one
	// (without "www." and port), the host of a known app, or a domain-like
	// title such as "taobao.com"; "" when there is none.
	Host string
	// App is the Android package or iOS bundle ID when the URL is an app
	// link, e.g. com.taobao.taobao.
	App   string
	Login string
	// Password is only ever in memory; it prints as "[redacted]".
	Password Secret
	Notes    string
	// TOTP reports whether the export holds a one-time-password secret.
	TOTP bool
	// Modified is when the entry last changed, when the export says so
	// (Bitwarden JSON, KeePassXC, Firefox); zero otherwise.
	Modified time.Time
}

// String describes the entry for logs and messages, with the login masked
// and never the password: line 3: "淘宝网" taobao.com a***@example.com, password: yes.
func (e Entry) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "line %d:", e.Line)
	if e.Title != "" {
		fmt.Fprintf(&b, " %q", e.Title)
	}
	switch {
	case e.Host != "":
		b.WriteString(" " + e.Host)
	case e.App != "":
		b.WriteString(" app " + e.App)
	}
	if e.Login != "" {
		b.WriteString(" " + accounts.MaskLogin(e.Login))
	}
	if e.Password.IsSet() {
		b.WriteString(", password: yes")
	} else {
		b.WriteString(", password: no")
	}
	return b.String()
}

// finish trims the fields and derives Host and App.
func (e *Entry) finish() {
	e.Title = oneLine(e.Title)
	e.Login = strings.TrimSpace(e.Login)
	e.URL = strings.TrimSpace(e.URL)
	for _, u := range append([]string{e.URL}, e.OtherURLs...) {
		host, app := hostAndApp(u)
		if e.App == "" {
			e.App = app
		}
		if host != "" {
			e.Host = host
			break
		}
	}
	if e.Host == "" && e.App == "" && domainLike(e.Title) {
		e.Host, _ = hostAndApp(e.Title)
	}
}

// splitURLs splits a URL cell that may hold several URLs (separated by
// newlines, or also by commas for Bitwarden) into the first and the rest.
func splitURLs(cell string, commas bool) (first string, rest []string) {
	seps := "\n"
	if commas {
		seps = "\n,"
	}
	for _, u := range strings.FieldsFunc(cell, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if u = strings.TrimSpace(u); u == "" {
			continue
		}
		if first == "" {
			first = u
		} else {
			rest = append(rest, u)
		}
	}
	return first, rest
}

// oneLine trims s and joins its lines with spaces.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// parseTime reads the timestamps exports use: milliseconds or seconds since
// 1970 (Firefox, 1Password) or ISO 8601 (KeePassXC, Bitwarden). Anything
// else is the zero time.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		switch {
		case n > 1e11 && n < 1e14:
			return time.UnixMilli(n).UTC()
		case n > 0 && n < 1e11:
			return time.Unix(n, 0).UTC()
		}
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
