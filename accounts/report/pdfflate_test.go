package report

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestFlateContent lays out a few pages as writePDF does, compresses them
// and checks the result object by object: the new cross-reference table
// points at each object, no content stream is left plain, and each
// compressed one inflates to the page's drawing operators.
func TestFlateContent(t *testing.T) {
	d, err := newPDFDoc("t", "test")
	if err != nil {
		t.Fatal(err)
	}
	const pages = 4
	for p := 0; p < pages; p++ {
		if p > 0 {
			d.newPage()
		}
		if err := d.para(fmt.Sprintf("第 %d 页 page %d", p+1, p+1), 10); err != nil {
			t.Fatal(err)
		}
	}
	var plain, out bytes.Buffer
	if _, err := d.gp.WriteTo(&plain); err != nil {
		t.Fatal(err)
	}
	if err := flateContent(&out, plain.Bytes()); err != nil {
		t.Fatal(err)
	}
	pdf := out.Bytes()
	if out.Len() >= plain.Len() {
		t.Errorf("compressed %d bytes, plain %d: nothing was compressed", out.Len(), plain.Len())
	}
	offs, xrefAt, trailer, err := parseXref(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(trailer, []byte("trailer\n<<")) {
		t.Errorf("trailer %q", trailer)
	}
	pageStreams := 0
	for i, off := range offs {
		end := xrefAt
		if i+1 < len(offs) {
			end = offs[i+1]
		}
		obj := pdf[off:end]
		if !bytes.HasPrefix(obj, fmt.Appendf(nil, "%d 0 obj\n", i+1)) {
			t.Fatalf("xref entry %d points at %q", i+1, obj[:min(len(obj), 20)])
		}
		if _, _, plainLeft := plainStream(obj, i+1); plainLeft {
			t.Errorf("object %d is still a plain content stream", i+1)
		}
		head := fmt.Sprintf("%d 0 obj\n<<\n/Filter/FlateDecode/Length ", i+1)
		if !bytes.HasPrefix(obj, []byte(head)) {
			continue
		}
		var n int
		fmt.Sscanf(string(obj[len(head):]), "%d", &n)
		start := bytes.Index(obj, []byte("stream\n")) + len("stream\n")
		zr, err := zlib.NewReader(bytes.NewReader(obj[start : start+n]))
		if err != nil {
			t.Fatalf("object %d: %v", i+1, err)
		}
		ops, err := io.ReadAll(zr)
		if err != nil {
			t.Errorf("object %d: %v", i+1, err)
		}
		if !bytes.HasPrefix(obj[start+n:], []byte("\nendstream\n")) {
			t.Errorf("object %d: stream not closed after its length", i+1)
		}
		if strings.Contains(string(ops), "BT") { // a page's text
			pageStreams++
		}
	}
	if pageStreams != pages {
		t.Errorf("%d page content streams compressed, want one per page (%d)", pageStreams, pages)
	}
}

// TestFlateContentRefusesDamage: what is not gopdf's layout is an error,
// not a guess.
func TestFlateContentRefusesDamage(t *testing.T) {
	for _, in := range []string{"", "%PDF-1.7\nstartxref\n99\n%%EOF\n", "%PDF-1.7\n1 0 obj\nxref\n0 2\nstartxref\n10\n%%EOF\n"} {
		if err := flateContent(io.Discard, []byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}
