package report_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/report"
	"github.com/unbindapp/unbind/accounts/vault"
)

// TestNoSecretInAnyFormat stores a distinctive secret for every account
// and finds none of them (nor a telling piece of one) in any format,
// masked or not. The PDF is checked as its bytes with every compressed
// stream inflated (the raw compressed bytes hold any three letters by
// chance) and as its text.
func TestNoSecretInAnyFormat(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	// The secrets really are in the (mock) keyring: the test would prove
	// nothing if they had not been stored.
	v := vault.New(vault.Options{})
	for _, a := range f.in.Accounts {
		if len(a.SecretFields) == 0 {
			t.Fatalf("%s has no secret stored", a.Name)
		}
	}
	all, err := f.st.Accounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := v.Get(all[0].ID, accounts.SecretPassword)
	if err != nil || !strings.HasPrefix(got, "S3cr3t-") {
		t.Fatalf("keyring holds %q, %v", got, err)
	}
	for _, unmasked := range []bool{false, true} {
		for _, lang := range []string{"zh", "en"} {
			opts := baseOptions()
			opts.Unmasked, opts.Lang = unmasked, lang
			r := f.build(t, opts)
			for _, format := range report.Formats {
				out := render(t, r, format)
				check := func(what string, data []byte) {
					for _, s := range f.secrets {
						for _, piece := range []string{s, "S3cr3t", "ZQX"} {
							if bytes.Contains(data, []byte(piece)) {
								t.Errorf("%s (%s, unmasked=%v) %s contains %q of secret %q", format, lang, unmasked, what, piece, s)
							}
						}
					}
				}
				if format == report.PDF {
					check("bytes", inflatePDF(t, out))
				} else {
					check("bytes", out)
				}
				if format == report.PDF && havePDFToText() {
					check("text", []byte(pdfText(t, out)))
				}
			}
		}
	}
}

// TestMasking checks that masked reports carry no full identifier and no
// note, and unmasked ones carry both.
func TestMasking(t *testing.T) {
	f := newFixture(t)
	full := []string{"13812345678", "li.ming@example.com", "liming_88", "13900001111", "wang@example.cn", "+8613700004444"}
	accountPrivate := []string{"店铺保证金 1000 元", "打电话给王经理", "13711112222"}
	private := append([]string{"订单导出到 D 盘", "TM-RN-4411", "有未完成订单"}, accountPrivate...)
	for _, unmasked := range []bool{false, true} {
		opts := baseOptions()
		opts.Unmasked = unmasked
		r := f.build(t, opts)
		for _, format := range []report.Format{report.HTML, report.CSV, report.JSON} {
			out := string(render(t, r, format))
			if format == report.HTML {
				out = html.UnescapeString(out)
			}
			check := append(append([]string{}, full...), private...)
			if format == report.CSV {
				check = append(full, accountPrivate...) // no timeline: no event notes
			}
			for _, s := range check {
				if has := strings.Contains(out, s); has != unmasked {
					t.Errorf("%s unmasked=%v: contains %q = %v", format, unmasked, s, has)
				}
			}
			if !strings.Contains(out, "138****5678") && !unmasked {
				t.Errorf("%s: masked phone missing", format)
			}
		}
	}
}

func TestHTMLEscapes(t *testing.T) {
	f := newFixture(t)
	opts := baseOptions()
	opts.Unmasked = true
	out := string(render(t, f.build(t, opts), report.HTML))
	for _, bad := range []string{`<script>alert`, `<old>`} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains unescaped %q", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;") || !strings.Contains(out, "&lt;old&gt; &amp; more") {
		t.Errorf("HTML lacks the escaped user text")
	}
	for _, want := range []string{"<svg", "@media print", "break-before:page", "<style>"} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, external := range []string{"<link", "<script", "src=", "url("} {
		if strings.Contains(out, external) {
			t.Errorf("HTML is not self-contained: it has %q", external)
		}
	}
}

var streamStart = regexp.MustCompile(`<<([^>]*(?:>>[^>]*)*?)>>\s*stream\r?\n`)
var streamLength = regexp.MustCompile(`/Length\s+(\d+)\b`)

// inflatePDF returns the PDF with each FlateDecode stream replaced by what
// it inflates to, so a byte search sees what the file holds. Embedded font
// programs (/Length1) are left out: they are the bundled font's glyphs and
// bytecode, which hold any three letters by chance and no report text.
func inflatePDF(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	inflated := 0
	for len(pdf) > 0 {
		m := streamStart.FindSubmatchIndex(pdf)
		if m == nil {
			out.Write(pdf)
			break
		}
		dict := pdf[m[2]:m[3]]
		out.Write(pdf[:m[1]])
		pdf = pdf[m[1]:]
		l := streamLength.FindSubmatch(dict)
		if l == nil || !bytes.Contains(dict, []byte("FlateDecode")) {
			continue
		}
		n, _ := strconv.Atoi(string(l[1]))
		if n > len(pdf) {
			t.Fatalf("stream length %d beyond the file", n)
		}
		if bytes.Contains(dict, []byte("/Length1")) {
			pdf = pdf[n:]
			continue
		}
		zr, err := zlib.NewReader(bytes.NewReader(pdf[:n]))
		if err != nil {
			t.Fatalf("stream: %v", err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("stream: %v", err)
		}
		out.Write(plain)
		pdf = pdf[n:]
		inflated++
	}
	if inflated == 0 {
		t.Fatal("no compressed stream found: the PDF's layout changed")
	}
	return out.Bytes()
}
