package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/unbindapp/unbind/accounts"
)

//go:embed html.tmpl
var htmlSource string

// htmlTemplate is parsed once; the view's methods do the per-report work,
// so one template serves every language concurrently.
var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// htmlView is what the template sees: the report and helpers in its
// language. Every value reaches the page through html/template escaping,
// except the rows of the three long tables, which htmlRow builds with the
// same escaping in one pass (a template action per cell made a 10,000
// account report take most of a second).
type htmlView struct {
	*Report
	Chart                                  statusChart
	FindingRows, AccountRows, TimelineRows []template.HTML
	// TopRows are the first TopFindings of FindingRows, for page 1.
	TopRows      []template.HTML
	MoreFindings int
	Figures      [][4]string
}

// cell is one table cell for htmlRow: its text, and optionally a CSS class
// and a severity badge (both codes of this package, escaped all the same).
type cell struct{ text, class, badge string }

// htmlRow renders a table row, escaping every cell's text with
// template.HTMLEscapeString.
func htmlRow(b *strings.Builder, cells ...cell) template.HTML {
	b.Reset()
	b.WriteString("<tr>")
	for _, c := range cells {
		b.WriteString("<td")
		if c.class != "" {
			b.WriteString(` class="` + template.HTMLEscapeString(c.class) + `"`)
		}
		b.WriteString(">")
		if c.badge != "" {
			b.WriteString(`<span class="sev sev-` + template.HTMLEscapeString(c.badge) + `">`)
		}
		template.HTMLEscape(b, []byte(c.text))
		if c.badge != "" {
			b.WriteString("</span>")
		}
		b.WriteString("</td>")
	}
	b.WriteString("</tr>")
	return template.HTML(b.String())
}

// rows renders the findings, accounts and timeline tables' rows.
func (v *htmlView) rows() {
	var b strings.Builder
	masked := v.Header.Masked
	v.FindingRows = make([]template.HTML, len(v.Findings))
	for i, f := range v.Findings {
		v.FindingRows[i] = htmlRow(&b, cell{text: v.Sev(f.Severity), badge: string(f.Severity)},
			cell{text: f.PlatformName + " · " + f.Account}, cell{text: f.Title}, cell{text: f.Action})
	}
	v.AccountRows = make([]template.HTML, len(v.Accounts))
	cells := make([]cell, 0, 13)
	for i, a := range v.Accounts {
		cells = append(cells[:0], cell{text: a.PlatformName}, cell{text: a.Name}, cell{text: a.Login},
			cell{text: a.Phone}, cell{text: a.Email}, cell{text: a.StatusLabel},
			cell{text: progress(a.ChecklistDone, a.ChecklistTotal), class: "num"}, cell{text: v.Date(a.LastBackupAt)},
			cell{text: v.Next(a.NextReminder)}, cell{text: v.YesNo(a.RealName)}, cell{text: v.ThirdParty(a.ThirdParty)},
			cell{text: v.Credentials(a.Credentials)})
		if !masked {
			cells = append(cells, cell{text: v.Str(a.Notes)})
		}
		v.AccountRows[i] = htmlRow(&b, cells...)
	}
	v.TimelineRows = make([]template.HTML, len(v.Timeline))
	for i, e := range v.Timeline {
		cells = append(cells[:0], cell{text: v.DateTime(e.At)}, cell{text: e.Account}, cell{text: e.PlatformName}, cell{text: e.Text})
		if !masked {
			cells = append(cells, cell{text: noteText(e)})
		}
		v.TimelineRows[i] = htmlRow(&b, cells...)
	}
}

// noteText is an event's note with its evidence in brackets.
func noteText(e TimelineEntry) string {
	s := ""
	if e.Note != nil {
		s = *e.Note
	}
	if e.Evidence != nil && *e.Evidence != "" {
		s += " [" + *e.Evidence + "]"
	}
	return strings.TrimSpace(s)
}

func (v htmlView) T(key string, args ...any) string { return tr(v.Header.Lang, key, args...) }

// EvidenceHeader and EvidenceRows are the evidence table (escaped by the
// template like every other cell).
func (v htmlView) EvidenceHeader() []string { return evidenceHeader(v.Header.Lang) }

// EvidenceRows is one row per evidence file.
func (v htmlView) EvidenceRows() [][]string { return evidenceRows(v.Report) }

func (v htmlView) Sev(s Severity) string { return label(v.Header.Lang, "severity", string(s)) }

func (v htmlView) Reminder(kind string) string { return label(v.Header.Lang, "reminder", kind) }

func (v htmlView) YesNo(b bool) string { return yesNo(v.Header.Lang, b) }

func (v htmlView) ThirdParty(codes []string) string {
	return joinLabels(v.Header.Lang, "third", codes, v.sep())
}

func (v htmlView) Credentials(codes []string) string {
	return joinLabels(v.Header.Lang, "secret", codes, v.sep())
}

func (v htmlView) sep() string {
	if v.Header.Lang == "en" {
		return ", "
	}
	return "、"
}

// Date formats an optional time as YYYY-MM-DD ("—" when nil).
func (v htmlView) Date(t *time.Time) string {
	if t == nil {
		return "—"
	}
	return t.Format(time.DateOnly)
}

func (v htmlView) DateTime(t time.Time) string { return t.Format("2006-01-02 15:04") }

// progress shows "3/10"; a track the catalog does not know shows "3/?".
func progress(done, total int) string {
	switch {
	case total > 0:
		return strconv.Itoa(done) + "/" + strconv.Itoa(total)
	case done > 0:
		return strconv.Itoa(done) + "/?"
	}
	return "—"
}

// Period shows the timeline's period.
func (v htmlView) Period() string { return period(v.Report) }

// Sources lists, once each, the public pages behind the tracks of the
// report's accounts, in the order they first appear.
func (v htmlView) Sources() []SourceEntry { return sourcesOf(v.Report) }

// Unverified names the tracks in the report that no source backs.
func (v htmlView) Unverified() string {
	return strings.Join(unverifiedTracks(v.Report), v.sep())
}

func period(r *Report) string {
	until := r.Header.Until.Format("2006-01-02 15:04")
	if r.Header.Since == nil {
		return tr(r.Header.Lang, "v.period_open", until)
	}
	return tr(r.Header.Lang, "v.period", r.Header.Since.Format("2006-01-02 15:04"), until)
}

// Identifiers says whether identifiers are masked.
func (v htmlView) Identifiers() string {
	if v.Header.Masked {
		return v.T("v.masked")
	}
	return v.T("v.unmasked")
}

// Next shows the next reminder: due time, kind and (when shown) title.
func (v htmlView) Next(n *ReminderEntry) string { return nextReminder(v.Header.Lang, n) }

func nextReminder(lang string, n *ReminderEntry) string {
	if n == nil {
		return "—"
	}
	s := n.Due.Format("2006-01-02 15:04") + " · " + label(lang, "reminder", n.Kind)
	if n.Title != "" {
		s += ": " + n.Title
	}
	return s
}

// Str dereferences optional text.
func (v htmlView) Str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// statusChart is the inline SVG bar chart of accounts by status.
type statusChart struct {
	Width, Height int
	Bars          []chartBar
}

type chartBar struct {
	Label, Color string
	Count        int
	Y, TextY     int
	Width, NumX  int
}

func chartOf(r *Report) statusChart {
	const labelW, barMax, rowH, pad = 120, 360, 26, 6
	c := statusChart{Width: labelW + barMax + 60, Height: len(r.Summary.ByStatus)*rowH + pad}
	top := 0
	for _, s := range r.Summary.ByStatus {
		top = max(top, s.Count)
	}
	for i, s := range r.Summary.ByStatus {
		w := 0
		if top > 0 {
			w = s.Count * barMax / top
		}
		if s.Count > 0 {
			w = max(w, 2)
		}
		y := pad/2 + i*rowH
		c.Bars = append(c.Bars, chartBar{Label: capitalised(s.Label), Color: accounts.Status(s.Status).Color().Hex(), Count: s.Count,
			Y: y, TextY: y + rowH/2 + 4, Width: w, NumX: labelW + w + 6})
	}
	return c
}

// writeHTML renders the template (the body), then the footer: the marker
// comment and the SHA-256 of every byte before it.
func writeHTML(w io.Writer, r *Report) error {
	var body bytes.Buffer
	body.Grow(4096 + 700*len(r.Accounts) + 300*len(r.Timeline))
	v := htmlView{Report: r, Chart: chartOf(r), Figures: figureRows(r)}
	v.rows()
	v.TopRows = v.FindingRows[:min(len(v.FindingRows), TopFindings)]
	v.MoreFindings = len(v.FindingRows) - len(v.TopRows)
	if err := htmlTemplate.Execute(&body, v); err != nil {
		return err
	}
	sum := digest(body.Bytes())
	if _, err := w.Write(body.Bytes()); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%s\n<footer class=\"digest\">%s: <code>%s</code></footer>\n</body>\n</html>\n",
		htmlMarker, template.HTMLEscapeString(strings.TrimSpace(tr(r.Header.Lang, "digest.html"))), sum)
	return err
}
