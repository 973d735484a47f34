package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// bom is the UTF-8 byte order mark; Excel needs it to read UTF-8 CSV.
const bom = "\xEF\xBB\xBF"

// csvColumns are the message keys of the CSV header, in column order.
var csvColumns = []string{
	"c.id", "c.platform_id", "c.platform", "c.group", "c.name", "c.login", "c.phone", "c.email",
	"c.status_code", "c.status", "c.real_name", "c.third_party", "c.seller", "c.checklist_done", "c.checklist_total",
	"c.last_backup", "c.next", "c.next_kind", "c.credentials", "c.findings", "c.notes", "c.evidence",
}

// guardCell defuses spreadsheet formulas: a cell starting with = + - @,
// a tab or a carriage return gets a leading apostrophe, so Excel and
// LibreOffice show it as text instead of evaluating it.
func guardCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// writeCSV writes the BOM, a header row and one row per account (RFC 4180,
// CRLF line ends, every cell formula-guarded), and nothing else: a
// spreadsheet reads every line as a row, so the digest goes into a
// separate file (WriteFile's FILE.sha256).
func writeCSV(w io.Writer, r *Report) error {
	lang := r.Header.Lang
	var body bytes.Buffer
	body.Grow(256 + 320*len(r.Accounts))
	body.WriteString(bom)
	cw := csv.NewWriter(&body)
	cw.UseCRLF = true
	row := make([]string, len(csvColumns))
	for i, k := range csvColumns {
		row[i] = guardCell(tr(lang, k))
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	findings := map[string][]string{}
	for _, f := range r.Findings {
		findings[f.AccountID] = append(findings[f.AccountID], label(lang, "severity", string(f.Severity))+": "+f.Title)
	}
	files := evidenceByAccount(r)
	sep := "、"
	if lang == "en" {
		sep = ", "
	}
	for _, a := range r.Accounts {
		next, nextKind := "", ""
		if a.NextReminder != nil {
			next = a.NextReminder.Due.Format("2006-01-02 15:04")
			nextKind = label(lang, "reminder", a.NextReminder.Kind)
			if a.NextReminder.Title != "" {
				nextKind += ": " + a.NextReminder.Title
			}
		}
		notes := ""
		if a.Notes != nil {
			notes = *a.Notes
		}
		vals := []string{
			a.ID, a.Platform, a.PlatformName, a.IdentityGroup, a.Name, a.Login, a.Phone, a.Email,
			a.Status, a.StatusLabel, yesNo(lang, a.RealName), joinLabels(lang, "third", a.ThirdParty, sep),
			yesNo(lang, a.Seller), strconv.Itoa(a.ChecklistDone), strconv.Itoa(a.ChecklistTotal),
			dateOf(a.LastBackupAt), next, nextKind, joinLabels(lang, "secret", a.Credentials, sep),
			strings.Join(findings[a.ID], "; "), notes, strings.Join(files[a.ID], "; "),
		}
		for i, v := range vals {
			row[i] = guardCell(v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := w.Write(body.Bytes())
	return err
}

func yesNo(lang string, b bool) string {
	if b {
		return tr(lang, "v.yes")
	}
	return tr(lang, "v.no")
}

// joinLabels shows codes of one label group, joined by sep.
func joinLabels(lang, group string, codes []string, sep string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = label(lang, group, c)
	}
	return strings.Join(out, sep)
}

// dateOf formats an optional time as a date ("" when nil).
func dateOf(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}
