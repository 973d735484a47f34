package campaign

import (
	"fmt"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

// Words are how Sentence names things it does not compute: a platform's
// display name and a day, each in the reader's language and form (the GUI
// shows days with their weekday, the report as YYYY-MM-DD).
type Words struct {
	Lang     string // "zh…" or anything else for English
	Platform func(id string) string
	Date     func(time.Time) string
}

func (w Words) zh() bool { return strings.HasPrefix(strings.ToLower(w.Lang), "zh") }

// maxNamed bounds the names and dates a sentence lists before "…".
const maxNamed = 3

// Sentence says the figures in plain words, e.g. "14 accounts on 11
// platforms: 5 active, 3 deactivated, 2 in cooling-off until 2026-12-07
// and 2026-12-15; 1 blocked (Pinduoduo). Real name still bound: 4; phone
// still bound: 6." Status names come from the one names table, so they
// read as the badges do.
func (f Figures) Sentence(w Words) string {
	if f.Accounts == 0 {
		if w.zh() {
			return "还没有账号。"
		}
		return "No accounts yet."
	}
	var parts []string
	for _, c := range f.ByStatus {
		if c.Count == 0 {
			continue
		}
		p := ""
		if w.zh() {
			p = fmt.Sprintf("%s %d 个", c.Status.Name(w.Lang), c.Count)
		} else {
			p = fmt.Sprintf("%d %s", c.Count, c.Status.Name(w.Lang))
		}
		if c.Status == accounts.StatusCoolingOff {
			if days := f.coolingDays(w); days != "" {
				if w.zh() {
					p += "（冷静期至 " + days + "）"
				} else {
					p += " until " + days
				}
			}
		}
		parts = append(parts, p)
	}
	var b strings.Builder
	if w.zh() {
		fmt.Fprintf(&b, "%d 个账号，分布在 %d 个平台：%s", f.Accounts, f.Platforms, strings.Join(parts, "，"))
	} else {
		fmt.Fprintf(&b, "%s on %s: %s", plural(f.Accounts, "account"), plural(f.Platforms, "platform"), strings.Join(parts, ", "))
	}
	if n := len(f.Blocked); n > 0 {
		names := f.blockedNames(w)
		if w.zh() {
			fmt.Fprintf(&b, "；受限 %d 个（%s）", n, names)
		} else {
			fmt.Fprintf(&b, "; %d blocked (%s)", n, names)
		}
	}
	if w.zh() {
		fmt.Fprintf(&b, "。仍绑定实名 %d 个，仍绑定手机号 %d 个。", len(f.RealNameBound), len(f.PhoneBound))
		if n := len(f.SecretsGone); n > 0 {
			fmt.Fprintf(&b, "已不存在的账号中有 %d 个仍在钥匙串中保存着凭据。", n)
		}
	} else {
		fmt.Fprintf(&b, ". Real name still bound: %d; phone still bound: %d.", len(f.RealNameBound), len(f.PhoneBound))
		if n := len(f.SecretsGone); n > 0 {
			fmt.Fprintf(&b, " Secrets still stored for gone accounts: %d.", n)
		}
	}
	return b.String()
}

// coolingDays lists the known last days of the running cooling-offs.
func (f Figures) coolingDays(w Words) string {
	var days []string
	for _, c := range f.CoolingOff {
		if c.Until == nil || w.Date == nil {
			continue
		}
		if d := w.Date(*c.Until); len(days) == 0 || days[len(days)-1] != d {
			days = append(days, d)
		}
	}
	return list(w, days)
}

func (f Figures) blockedNames(w Words) string {
	var names []string
	for _, b := range f.Blocked {
		n := b.Platform
		if w.Platform != nil {
			n = w.Platform(b.Platform)
		}
		if len(names) == 0 || names[len(names)-1] != n {
			names = append(names, n)
		}
	}
	return list(w, names)
}

// list joins up to maxNamed items ("a, b and c"; "a、b、c"), then "…".
func list(w Words, items []string) string {
	more := len(items) > maxNamed
	items = items[:min(len(items), maxNamed)]
	if w.zh() {
		s := strings.Join(items, "、")
		if more {
			s += "等"
		}
		return s
	}
	switch {
	case more:
		return strings.Join(items, ", ") + " …"
	case len(items) > 1:
		return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
	}
	return strings.Join(items, "")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
