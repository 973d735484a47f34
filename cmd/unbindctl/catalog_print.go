package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/catalog"
)

func printPlatform(w io.Writer, c *catalog.Catalog, p catalog.Platform, l string) {
	other := p.Names.En
	if l == "en" {
		other = p.Names.Zh
	}
	fmt.Fprintf(w, "%s (%s) — %s\n", p.Names.In(l), p.ID, other)
	line := func(label string, value string) {
		if value != "" {
			fmt.Fprintf(w, "%s: %s\n", label, value)
		}
	}
	line(tr(l, "别名", "Also known as"), strings.Join(p.Aliases, ", "))
	line(tr(l, "域名", "Domains"), strings.Join(p.Domains, ", "))
	if p.Company.ID != "" {
		line(tr(l, "公司", "Company"), fmt.Sprintf("%s (%s)", p.Company.Name.In(l), p.Company.ID))
	}
	var shared, tied []string
	for _, q := range c.GroupOf(p.ID) {
		if q.ID != p.ID {
			shared = append(shared, q.Names.In(l)+" ("+q.ID+")")
		}
	}
	for _, q := range c.TiedTo(p.ID) {
		tied = append(tied, q.Names.In(l)+" ("+q.ID+")")
	}
	line(tr(l, "共用同一账号", "Shares its account with"), strings.Join(shared, ", "))
	line(tr(l, "关联账户", "Tied to"), strings.Join(tied, ", "))
	line(tr(l, "难度", "Difficulty"), p.Difficulty.Label().In(l))
	line(tr(l, "说明", "Note"), p.Notes.In(l))
	if origin := c.Origin(p.ID); filepath.IsAbs(origin) {
		line(tr(l, "来自文件", "From file"), origin)
	}
	if c.Overrides(p.ID) {
		line(tr(l, "注意", "Note"), tr(l, "这是你自己的条目，替换了内置的（已调查的）条目", "your own entry, replacing the built-in (researched) one"))
	}
	for _, t := range p.Tracks {
		fmt.Fprintf(w, "\n== %s (%s) ==\n", catalog.KindLabel(t.Kind).In(l), t.Kind)
		if len(t.AppliesTo) > 0 {
			fs := make([]string, len(t.AppliesTo))
			for i, f := range t.AppliesTo {
				fs[i] = flagLabel(f, l)
			}
			line(tr(l, "适用于", "For"), strings.Join(fs, tr(l, "、", ", ")))
		}
		line(tr(l, "平台不提供", "Not offered"), t.NotPossible.In(l))
		channels := t.Channel.Label().In(l)
		for _, alt := range t.AltChannels {
			channels += tr(l, "，或", " or ") + alt.Label().In(l)
		}
		undo := tr(l, "可撤销", "reversible")
		if t.Irreversible {
			undo = tr(l, "不可撤销", "irreversible")
		}
		fmt.Fprintf(w, "%s: %s · %s: %s · %s: %s · %s\n",
			tr(l, "渠道", "Channel"), channels, tr(l, "难度", "Difficulty"), t.Difficulty.Label().In(l),
			tr(l, "审核", "Review"), catalog.ReviewLabel(t.ReviewWorkdays).In(l), undo)
		for _, r := range c.RequiredBefore(p.ID, t.Kind) {
			name := r.Platform
			if q, ok := c.Platform(r.Platform); ok {
				name = q.Names.In(l)
			}
			fmt.Fprintf(w, "%s: %s / %s — %s\n", tr(l, "先完成", "First"), name, catalog.KindLabel(r.After).In(l), r.Why.In(l))
		}
		if len(t.Prerequisites) > 0 {
			fmt.Fprintln(w, tr(l, "开始前：", "Before you start:"))
			for _, pr := range t.Prerequisites {
				fmt.Fprintf(w, "  [ ] %s (%s)\n", pr.In(l), pr.ID)
			}
		}
		fmt.Fprintln(w, tr(l, "步骤：", "Steps:"))
		for i, s := range t.Steps {
			fmt.Fprintf(w, "  %d. %s\n", i+1, s.In(l))
			if !s.Path.IsZero() {
				fmt.Fprintf(w, "     %s: %s\n", tr(l, "路径", "Path"), s.Path.In(l))
			}
		}
		line(tr(l, "会失去", "You lose"), t.Loses.In(l))
		line(tr(l, "之后", "Afterwards"), t.Afterwards.In(l))
		printResearch(w, t, l)
		line(tr(l, "备注", "Notes"), t.Notes.In(l))
		printSources(w, t, l)
	}
}

func tr(lang, zh, en string) string {
	if lang == "zh" {
		return zh
	}
	return en
}

// printResearch prints the cooling-off, blockers, structured afterwards,
// alternatives and disagreements of a track.
func printResearch(w io.Writer, t catalog.Track, l string) {
	switch co := t.CoolingOff; {
	case co == nil && t.Kind != accounts.TrackAccountDelete:
		// Only deletions are expected to have one; say nothing.
	case co == nil:
		fmt.Fprintf(w, "%s: %s\n", tr(l, "冷静期", "Cooling-off"), tr(l, "未调查", "not researched"))
	case co.Kind == catalog.CoolingPeriod:
		days := fmt.Sprint(co.Days.Max)
		if co.Days.Min != co.Days.Max {
			days = fmt.Sprintf("%d–%d", co.Days.Min, co.Days.Max)
		}
		fmt.Fprintf(w, "%s: %s %s", tr(l, "冷静期", "Cooling-off"), days, tr(l, "天", "days"))
		if len(co.CancelledBy) > 0 {
			cs := make([]string, len(co.CancelledBy))
			for i, c := range co.CancelledBy {
				cs[i] = string(c)
			}
			fmt.Fprintf(w, tr(l, "；期间以下行为会撤销注销：%s", "; cancelled by: %s"), strings.Join(cs, ", "))
		}
		fmt.Fprintln(w)
		if !co.AtEnd.IsZero() {
			fmt.Fprintf(w, "  %s: %s\n", tr(l, "期满后", "At its end"), co.AtEnd.In(l))
		}
	case co.Kind == catalog.CoolingNone:
		fmt.Fprintf(w, "%s: %s\n", tr(l, "冷静期", "Cooling-off"), tr(l, "无（来源称立即生效）", "none (sources say it takes effect at once)"))
	default:
		fmt.Fprintf(w, "%s: %s\n", tr(l, "冷静期", "Cooling-off"), tr(l, "来源中未提及", "none found in the sources"))
	}
	switch {
	case len(t.Blockers) > 0:
		fmt.Fprintln(w, tr(l, "无法办理的情形：", "Blocked when:"))
		for _, b := range t.Blockers {
			kind := ""
			if b.Permanent {
				kind = tr(l, "（永久）", " (permanent)")
			}
			if b.If != "" {
				kind += " [" + flagLabel(b.If, l) + "]"
			}
			fmt.Fprintf(w, "  ! %s%s (%s)\n", b.When.In(l), kind, b.ID)
			if !b.WayOut.IsZero() {
				fmt.Fprintf(w, "    %s: %s\n", tr(l, "解决办法", "Way out"), b.WayOut.In(l))
			}
			if !b.Fallback.IsZero() {
				fmt.Fprintf(w, "    %s: %s\n", tr(l, "退而求其次", "Instead"), b.Fallback.In(l))
			}
		}
	case t.BlockersChecked:
		fmt.Fprintf(w, "%s: %s\n", tr(l, "无法办理的情形", "Blockers"), tr(l, "来源中未发现", "none found in the sources"))
	}
	if a := t.After; a != nil {
		if a.LoginReleased != nil {
			fmt.Fprintf(w, "%s: %s\n", tr(l, "登录名是否释放", "Login released"), yesNo(*a.LoginReleased))
		}
		if a.PhoneReusable != nil {
			fmt.Fprintf(w, "%s: %s\n", tr(l, "手机号能否再注册", "Phone can register again"), yesNo(*a.PhoneReusable))
		}
		if a.ReregisterAfterDays != nil {
			fmt.Fprintf(w, "%s: %d %s\n", tr(l, "再注册需等待", "Re-register after"), *a.ReregisterAfterDays, tr(l, "天", "days"))
		}
		if !a.RecordsKept.IsZero() {
			fmt.Fprintf(w, "%s: %s\n", tr(l, "平台保留的记录", "Records kept"), a.RecordsKept.In(l))
		}
	}
	for _, alt := range t.Alternatives {
		fmt.Fprintf(w, "%s: %s\n", tr(l, "其他办法", "Alternative"), alt.In(l))
	}
	for _, d := range t.Disagreements {
		fmt.Fprintf(w, tr(l, "来源说法不一（%s）：\n", "Sources disagree (%s):\n"), d.About)
		for _, c := range d.Claims {
			fmt.Fprintf(w, "  - %s — %s\n", c.Says.In(l), c.URL)
		}
	}
}

// printSources names each source by title, site and retrieval date.
func printSources(w io.Writer, t catalog.Track, l string) {
	if len(t.Sources) == 0 {
		fmt.Fprintf(w, "%s: %s\n", tr(l, "来源", "Source"), tr(l, "尚未核实（条目日期 "+t.Verified+"），请以 App 内实际页面为准",
			"not verified yet (entry dated "+t.Verified+"); check against the app"))
		return
	}
	fmt.Fprintln(w, tr(l, "来源：", "Sources:"))
	for _, s := range t.Sources {
		where := s.Site()
		if s.Seed != "" {
			where = tr(l, "种子文章 ", "seed article ") + s.Seed
		}
		fmt.Fprintf(w, "  - %s (%s, %s %s)\n", s.Title, where, tr(l, "读取于", "read"), s.Retrieved)
		if s.URL != "" {
			fmt.Fprintf(w, "    %s\n", s.URL)
		}
	}
}

// flagLabel names an account flag for "for sellers only".
func flagLabel(f catalog.Flag, l string) string {
	switch f {
	case catalog.FlagSeller:
		return tr(l, "开店的商家", "sellers")
	case catalog.FlagRealName:
		return tr(l, "已实名的账号", "real-name verified accounts")
	case catalog.FlagThirdParty:
		return tr(l, "绑定了第三方登录的账号", "accounts with linked logins")
	}
	return string(f)
}
