package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

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
	for _, t := range p.Tracks {
		fmt.Fprintf(w, "\n== %s (%s) ==\n", catalog.KindLabel(t.Kind).In(l), t.Kind)
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
		line(tr(l, "备注", "Notes"), t.Notes.In(l))
		if t.Source == catalog.SourceUnverified {
			fmt.Fprintf(w, "%s: %s\n", tr(l, "来源", "Source"), tr(l, "尚未核实（条目日期 "+t.Verified+"），请以 App 内实际页面为准",
				"not verified yet (entry dated "+t.Verified+"); check against the app"))
		} else {
			fmt.Fprintf(w, "%s: %s (%s %s)\n", tr(l, "来源", "Source"), t.Source, tr(l, "核实于", "verified"), t.Verified)
		}
	}
}

func tr(lang, zh, en string) string {
	if lang == "zh" {
		return zh
	}
	return en
}
