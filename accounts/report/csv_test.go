package report_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts/report"
)

// TestCSVForExcel checks what Excel and LibreOffice need: a raw UTF-8 BOM,
// CRLF records, RFC 4180 quoting that reads back exactly, and no cell a
// spreadsheet would evaluate as a formula.
func TestCSVForExcel(t *testing.T) {
	f := newFixture(t)
	opts := baseOptions()
	opts.Unmasked = true
	r := f.build(t, opts)
	out := render(t, r, report.CSV)
	if !bytes.HasPrefix(out, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("CSV does not start with the UTF-8 BOM: % x", out[:3])
	}
	if bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
		t.Errorf("CSV has bare LF line ends outside quoted cells")
	}
	if !bytes.Contains(out, []byte(`"Li's ""shop"", <old> & more"`)) {
		t.Errorf("a name with quotes and a comma is not quoted as RFC 4180 says")
	}
	cr := csv.NewReader(bytes.NewReader(out[3:]))
	cr.FieldsPerRecord = 0 // every record as long as the first
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	// No footer record: Excel would show it as a row of data.
	if want := 1 + len(r.Accounts); len(recs) != want {
		t.Fatalf("%d records, want header + %d accounts and nothing else", len(recs), len(r.Accounts))
	}
	if recs[0][0] != "ID" {
		t.Errorf("header %q", recs[0][0])
	}
	names := map[string]bool{}
	for _, rec := range recs[1:] {
		names[rec[4]] = true
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q would be evaluated as a formula", cell)
			}
		}
	}
	for _, want := range []string{`Li's "shop", <old> & more`, `'=cmd|' /C calc'!A0`, "淘宝主号"} {
		if !names[want] {
			t.Errorf("no account named %q read back; have %v", want, names)
		}
	}
	joined := string(out)
	for _, want := range []string{"'-li", "'+8613700004444", "\"'@SUM(1+1)\r\n第二行\"", "'+86 138 1234 5678"} {
		if !strings.Contains(joined, want) {
			t.Errorf("CSV lacks guarded cell %q", want)
		}
	}
}
