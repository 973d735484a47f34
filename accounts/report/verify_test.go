package report_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/unbindapp/unbind/accounts/report"
)

func TestVerify(t *testing.T) {
	f := newFixture(t)
	r := f.build(t, baseOptions())
	sum, err := report.BodyDigest(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []report.Format{report.HTML, report.JSON} {
		out := render(t, r, format)
		v, err := report.Verify(out)
		if err != nil || v.Format != format || v.Stated != v.Actual || len(v.Stated) != 64 {
			t.Errorf("%s: Verify = %+v, %v", format, v, err)
		}
		if format == report.JSON && v.Stated != sum {
			t.Errorf("JSON digest %s is not BodyDigest %s", v.Stated, sum)
		}
		// Change one byte of an account name: the digest must notice.
		i := bytes.Index(out, []byte("淘宝主号"))
		tampered := bytes.Clone(out)
		copy(tampered[i:], "淘宝付号")
		if _, err := report.Verify(tampered); !errors.Is(err, report.ErrMismatch) {
			t.Errorf("%s: tampered file verifies: %v", format, err)
		}
		if _, err := report.Verify(out[:len(out)/2]); !errors.Is(err, report.ErrNoFooter) && !errors.Is(err, report.ErrMismatch) {
			t.Errorf("%s: truncated file: %v", format, err)
		}
		// Content appended after the footer, or a footer cut short, is a
		// change of the file too: the digest covers every byte.
		for name, bad := range map[string][]byte{
			"appended":      append(bytes.Clone(out), "<script>alert(1)</script>\n"...),
			"appended byte": append(bytes.Clone(out), ' '),
			"footer cut":    out[:len(out)-2],
			"second footer": append(bytes.Clone(out), out[bytes.LastIndex(out, []byte(markerOf(format))):]...),
		} {
			if _, err := report.Verify(bad); !errors.Is(err, report.ErrMismatch) {
				t.Errorf("%s, %s: verifies: %v", format, name, err)
			}
		}
	}
	if _, err := report.Verify(render(t, r, report.PDF)); !errors.Is(err, report.ErrUnverifiable) {
		t.Errorf("PDF: %v", err)
	}
}

// TestVerifyCSVFile: a CSV report's digest is in FILE.sha256 beside it, in
// sha256sum's format; VerifyFile checks it, and notices a changed byte, an
// added row and a changed digest file.
func TestVerifyCSVFile(t *testing.T) {
	f := newFixture(t)
	r := f.build(t, baseOptions())
	path := filepath.Join(t.TempDir(), "报告.csv")
	if err := report.WriteFile(path, r, report.CSV); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	side, err := os.ReadFile(report.DigestFile(path))
	sum := sha256.Sum256(data)
	if err != nil || string(side) != hex.EncodeToString(sum[:])+"  报告.csv\n" {
		t.Fatalf("digest file %q, %v", side, err)
	}
	if v, err := report.VerifyFile(path); err != nil || v.Format != report.CSV || v.Stated != v.Actual {
		t.Errorf("VerifyFile = %+v, %v", v, err)
	}
	if _, err := report.Verify(data); !errors.Is(err, report.ErrNoFooter) {
		t.Errorf("Verify of the bytes alone: %v, want ErrNoFooter pointing at the digest file", err)
	}
	for name, change := range map[string]func(){
		"changed byte": func() {
			os.WriteFile(path, bytes.Replace(data, []byte("淘宝主号"), []byte("淘宝付号"), 1), 0o600)
		},
		"added row":   func() { os.WriteFile(path, append(bytes.Clone(data), "x,y\r\n"...), 0o600) },
		"digest file": func() { os.WriteFile(report.DigestFile(path), append(bytes.Clone(side), 'x'), 0o600) },
		"no digest":   func() { os.Remove(report.DigestFile(path)) },
	} {
		change()
		if _, err := report.VerifyFile(path); !errors.Is(err, report.ErrMismatch) && !errors.Is(err, report.ErrNoFooter) {
			t.Errorf("%s: verifies: %v", name, err)
		}
		os.WriteFile(path, data, 0o600)
		os.WriteFile(report.DigestFile(path), side, 0o600)
	}
}

func TestJSONSchema(t *testing.T) {
	f := newFixture(t)
	out := render(t, f.build(t, baseOptions()), report.JSON)
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("JSON report does not parse: %v", err)
	}
	if doc["schema"] != report.Schema {
		t.Errorf("schema = %v", doc["schema"])
	}
	for _, key := range []string{"header", "summary", "findings", "accounts", "timeline", "warnings", "sha256"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("JSON report lacks %q", key)
		}
	}
	var back report.Report
	if err := json.Unmarshal(out, &back); err != nil || len(back.Accounts) != 10 {
		t.Errorf("JSON does not read back into Report: %v, %d accounts", err, len(back.Accounts))
	}
}

// markerOf is the footer marker of a format, as written in the file.
func markerOf(f report.Format) string {
	switch f {
	case report.HTML:
		return "<!--unbind:sha256-->"
	case report.CSV:
		return "#sha256,"
	}
	return `"sha256": "`
}
