package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/unbindapp/unbind/accounts"
)

// writePDF lays the report out on A4 portrait pages: page 1 tells the
// story (pdfStory), then the details about the report with what is blocked
// and the platforms, the findings, the accounts and the timeline, each
// section starting a new page, with the same columns as the HTML. Every
// page footer shows the page number and BodyDigest(r).
func writePDF(w io.Writer, r *Report) error {
	lang := r.Header.Lang
	t := func(key string, args ...any) string { return tr(lang, key, args...) }
	v := htmlView{Report: r} // the formatting helpers are the same
	sum, err := BodyDigest(r)
	if err != nil {
		return err
	}
	d, err := newPDFDoc(t("title"), "Unbind "+r.Header.AppVersion)
	if err != nil {
		return err
	}
	steps := []func() error{
		func() error { return pdfStory(d, r) },
		func() error { d.newPage(); return d.heading(t("sec.header"), 13) },
		func() error {
			return d.table(nil, []float64{1, 3}, [][]string{
				{t("h.generated_at"), v.DateTime(r.Header.GeneratedAt)},
				{t("h.app_version"), r.Header.AppVersion},
				{t("h.period"), period(r)},
				{t("h.lang"), t("v.lang")},
				{t("h.identifiers"), v.Identifiers()},
				{t("h.backup_interval"), t("v.days", r.Header.BackupIntervalDays)},
			}, 9)
		},
		func() error { return pdfSummary(d, r) },
		func() error { d.newPage(); return pdfFindings(d, r) },
		func() error { d.newPage(); return pdfAccounts(d, r) },
		func() error { d.newPage(); return pdfTimeline(d, r) },
		func() error { return pdfEvidence(d, r) },
		func() error { return pdfSources(d, r) },
		func() error { return pdfFooters(d, r, sum) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	var plain bytes.Buffer
	if _, err := d.gp.WriteTo(&plain); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	if err := flateContent(w, plain.Bytes()); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

func pdfWarnings(d *pdfDoc, r *Report) error {
	if len(r.Warnings) == 0 {
		return nil
	}
	if err := d.heading(tr(r.Header.Lang, "sec.warnings"), 11); err != nil {
		return err
	}
	for _, w := range r.Warnings {
		if err := d.para("• "+w, 9); err != nil {
			return err
		}
	}
	return nil
}

// pdfSummary lists what is blocked and why, and the accounts per platform.
func pdfSummary(d *pdfDoc, r *Report) error {
	t := func(key string, args ...any) string { return tr(r.Header.Lang, key, args...) }
	s := r.Summary
	n := strconv.Itoa
	if len(s.Blocked) > 0 {
		if err := d.heading(t("sec.blocked"), 11); err != nil {
			return err
		}
		rows := make([][]string, len(s.Blocked))
		for i, b := range s.Blocked {
			rows[i] = []string{b.PlatformName + " · " + b.Account, trackLabel(r.Header.Lang, accounts.TrackKind(b.Track)), b.Why}
		}
		if err := d.table([]string{t("c.account"), t("c.track"), t("c.why")}, []float64{3, 2, 6}, rows, 9); err != nil {
			return err
		}
	}
	if err := d.heading(t("sec.platform"), 11); err != nil {
		return err
	}
	rows := make([][]string, len(s.ByPlatform))
	for i, p := range s.ByPlatform {
		rows[i] = []string{p.Name, p.Platform, n(p.Count), n(p.Open)}
	}
	return d.table([]string{t("c.platform"), t("c.platform_id"), t("c.count"), t("c.open")}, []float64{3, 2, 1, 1}, rows, 9)
}

// pdfChart draws the status bar chart with the same geometry as the SVG.
func pdfChart(d *pdfDoc, c statusChart) error {
	d.ensure(float64(c.Height) * 0.75)
	if err := d.font(9); err != nil {
		return err
	}
	const scale = 0.75 // SVG pixels to points
	for _, b := range c.Bars {
		y := d.y + float64(b.Y)*scale
		if err := d.text(margin, y+3, b.Label); err != nil {
			return err
		}
		if b.Width > 0 {
			r, g, bl := hexColor(b.Color)
			d.gp.SetFillColor(r, g, bl)
			d.gp.RectFromUpperLeftWithStyle(margin+120*scale, y, float64(b.Width)*scale, 20*scale, "F")
			d.gp.SetFillColor(0, 0, 0)
		}
		if err := d.text(margin+float64(b.NumX)*scale, y+3, strconv.Itoa(b.Count)); err != nil {
			return err
		}
	}
	d.y += float64(c.Height)*scale + 12
	return nil
}

func hexColor(s string) (uint8, uint8, uint8) {
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if len(s) != 7 || err != nil {
		return 0x71, 0x80, 0x96
	}
	return uint8(v >> 16), uint8(v >> 8), uint8(v)
}

func pdfFindings(d *pdfDoc, r *Report) error {
	t := func(key string) string { return tr(r.Header.Lang, key) }
	if err := d.heading(t("sec.findings"), 13); err != nil {
		return err
	}
	if len(r.Findings) == 0 {
		return d.para(t("empty.findings"), 10)
	}
	return findingsTable(d, r, r.Findings, 9)
}

// findingsTable draws findings with the HTML's columns.
func findingsTable(d *pdfDoc, r *Report, findings []Finding, size float64) error {
	t := func(key string) string { return tr(r.Header.Lang, key) }
	rows := make([][]string, len(findings))
	for i, f := range findings {
		rows[i] = []string{label(r.Header.Lang, "severity", string(f.Severity)), f.PlatformName + " · " + f.Account, f.Title, f.Action}
	}
	return d.table([]string{t("c.severity"), t("c.account"), t("c.finding"), t("c.action")}, []float64{1.3, 4, 5, 8}, rows, size)
}

func pdfAccounts(d *pdfDoc, r *Report) error {
	lang := r.Header.Lang
	v := htmlView{Report: r}
	t := func(key string) string { return tr(lang, key) }
	if err := d.heading(t("sec.accounts"), 13); err != nil {
		return err
	}
	if len(r.Accounts) == 0 {
		return d.para(t("empty.accounts"), 10)
	}
	// The HTML's columns, in its order.
	header := []string{t("c.platform"), t("c.name"), t("c.login"), t("c.phone"), t("c.email"), t("c.status"),
		t("c.checklist"), t("c.last_backup"), t("c.next"), t("c.real_name"), t("c.third_party"), t("c.credentials")}
	widths := []float64{6, 7, 7, 7, 8, 4.5, 4, 6.5, 10, 3.5, 5.5, 6}
	if !r.Header.Masked {
		header, widths = append(header, t("c.notes")), append(widths, 9)
	}
	rows := make([][]string, len(r.Accounts))
	for i, a := range r.Accounts {
		row := []string{a.PlatformName, a.Name, a.Login, a.Phone, a.Email, a.StatusLabel,
			progress(a.ChecklistDone, a.ChecklistTotal), v.Date(a.LastBackupAt), nextReminder(lang, a.NextReminder),
			yesNo(lang, a.RealName), v.ThirdParty(a.ThirdParty), v.Credentials(a.Credentials)}
		if !r.Header.Masked {
			row = append(row, v.Str(a.Notes))
		}
		rows[i] = row
	}
	return d.table(header, widths, rows, 7)
}

func pdfTimeline(d *pdfDoc, r *Report) error {
	v := htmlView{Report: r}
	t := func(key string) string { return tr(r.Header.Lang, key) }
	if err := d.heading(t("sec.timeline"), 13); err != nil {
		return err
	}
	if err := d.para(period(r), 9); err != nil {
		return err
	}
	if len(r.Timeline) == 0 {
		return d.para(t("empty.timeline"), 10)
	}
	header := []string{t("c.time"), t("c.account"), t("c.platform"), t("c.event")}
	widths := []float64{3, 4, 3, 8}
	if !r.Header.Masked {
		header, widths = append(header, t("c.notes")), append(widths, 6)
	}
	rows := make([][]string, len(r.Timeline))
	for i, e := range r.Timeline {
		row := []string{v.DateTime(e.At), e.Account, e.PlatformName, e.Text}
		if !r.Header.Masked {
			note := v.Str(e.Note)
			if ev := v.Str(e.Evidence); ev != "" {
				note += " [" + ev + "]"
			}
			row = append(row, note)
		}
		rows[i] = row
	}
	return d.table(header, widths, rows, 7.5)
}

// pdfFooters goes back over every page to write "page i of n" and the
// digest, now that n is known.
func pdfFooters(d *pdfDoc, r *Report, sum string) error {
	n := d.gp.GetNumberOfPages()
	if err := d.font(7); err != nil {
		return err
	}
	left := tr(r.Header.Lang, "digest.pdf") + ": " + sum
	y := pageH - margin - footerH/2
	for i := 1; i <= n; i++ {
		if err := d.gp.SetPage(i); err != nil {
			return fmt.Errorf("go to page %d: %w", i, err)
		}
		d.lines()
		d.gp.Line(margin, y-4, margin+contentW, y-4)
		if err := d.text(margin, y, left); err != nil {
			return err
		}
		page := tr(r.Header.Lang, "digest.page", i, n)
		w := 0.0
		for _, c := range page {
			cw, err := d.runeWidth(c)
			if err != nil {
				return err
			}
			w += cw
		}
		if err := d.text(margin+contentW-w, y, page); err != nil {
			return err
		}
	}
	return nil
}
