package importer

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

// The fuzz targets feed arbitrary bytes to each parser and check what must
// always hold: no panic; errors are one line starting with "import:",
// wrap a sentinel and name a line inside the file; entries are in file
// order on lines that exist; proposals account for every entry once with
// unique keys. Seeds: the sample of the format plus the committed corpus in
// testdata/fuzz/<target>/.

func FuzzParseBitwardenCSV(f *testing.F)  { fuzzFormat(f, FormatBitwardenCSV, "bitwarden.csv") }
func FuzzParseBitwardenJSON(f *testing.F) { fuzzFormat(f, FormatBitwardenJSON, "bitwarden.json") }
func FuzzParseKeePassXCCSV(f *testing.F)  { fuzzFormat(f, FormatKeePassXCCSV, "keepassxc.csv") }
func FuzzParseChromeCSV(f *testing.F)     { fuzzFormat(f, FormatChromeCSV, "chrome.csv") }
func FuzzParseFirefoxCSV(f *testing.F)    { fuzzFormat(f, FormatFirefoxCSV, "firefox.csv") }
func FuzzParseOnePasswordCSV(f *testing.F) {
	fuzzFormat(f, FormatOnePassword, "1password.csv", "1password7.csv")
}
func FuzzParseAppleCSV(f *testing.F) { fuzzFormat(f, FormatAppleCSV, "apple.csv") }

// FuzzParseAuto exercises detection and the encoding fallbacks.
func FuzzParseAuto(f *testing.F) { fuzzFormat(f, FormatAuto, samples...) }

func FuzzHostOf(f *testing.F) {
	for _, s := range []string{"https://login.taobao.com:443/x", "android://h@com.taobao.taobao/", "京东。COM", "[::1]", "a@b@c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		h := HostOf(raw)
		if h != strings.TrimSpace(h) || strings.ContainsAny(h, "/?#@ ") || strings.HasPrefix(h, "www.") {
			t.Fatalf("HostOf(%q) = %q", raw, h)
		}
		if HostOf(h) != h && !strings.Contains(h, ":") && strings.Contains(h, ".") {
			t.Fatalf("HostOf not idempotent: %q -> %q -> %q", raw, h, HostOf(h))
		}
	})
}

func fuzzFormat(f *testing.F, format Format, files ...string) {
	for _, name := range files {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkRead(t, data, format) })
}

var sentinels = []error{ErrUnknownFormat, ErrMissingColumn, ErrSyntax, ErrEncoding, ErrEncrypted, ErrTooLarge}

func checkRead(t *testing.T, data []byte, format Format) {
	res, err := Read(bytes.NewReader(data), Options{Format: format, MaxEntries: 5000})
	lines := 1 + bytes.Count(data, []byte("\n"))
	if err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "import: ") || strings.ContainsAny(msg, "\r\n") {
			t.Fatalf("error not one line: %q", msg)
		}
		wrapped := false
		for _, s := range sentinels {
			wrapped = wrapped || errors.Is(err, s)
		}
		var ie *Error
		if !wrapped || !errors.As(err, &ie) {
			t.Fatalf("error wraps no sentinel: %q", msg)
		}
		if ie.Line < 0 || ie.Line > lines {
			t.Fatalf("error line %d outside 1..%d: %q", ie.Line, lines, msg)
		}
		if len(res.Entries) != 0 {
			t.Fatalf("entries with an error")
		}
		return
	}
	if res.Format == FormatAuto || (format != FormatAuto && res.Format != format) {
		t.Fatalf("read %s as %s", format, res.Format)
	}
	prev := 0
	for _, e := range res.Entries {
		if e.Line < 1 || e.Line > lines || e.Line < prev {
			t.Fatalf("entry line %d (previous %d, %d lines)", e.Line, prev, lines)
		}
		prev = e.Line
		if e.URL == "" && e.Login == "" && !e.Password.IsSet() {
			t.Fatalf("empty entry kept: %v", e)
		}
		_ = e.String()
	}
	props := Propose(res.Entries, fakeCatalog)
	n := 0
	keys := make(map[string]bool, len(props))
	for _, p := range props {
		n += 1 + len(p.Duplicates)
		if keys[p.Key] {
			t.Fatalf("duplicate key %q", p.Key)
		}
		keys[p.Key] = true
		if p.Name == "" {
			t.Fatalf("proposal without a name: %+v", p)
		}
		_ = p.Account()
	}
	if n != len(res.Entries) {
		t.Fatalf("%d entries, %d accounted for in proposals", len(res.Entries), n)
	}
}
