package report

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
)

// gopdf compresses each page's content stream with a zlib writer of its
// own (≈1 MB of compressor state each, three quarters of a large report's
// allocations). So the document is laid out uncompressed, and
// flateContent compresses those streams afterwards with one writer,
// reset for each, rebuilding the cross-reference table for the new
// offsets. Anything not in the exact form gopdf gives an uncompressed
// content stream (fonts, already compressed; other objects) is copied as
// it is, so the result is valid PDF either way.

// pdfContentLevel is the content streams' compression: BestSpeed takes a
// third of the time of the default for a few per cent more bytes.
const pdfContentLevel = zlib.BestSpeed

// flateContent writes pdf, a whole document as gopdf writes it with
// SetNoCompression, to w with its plain content streams compressed.
func flateContent(w io.Writer, pdf []byte) error {
	offs, xrefAt, trailer, err := parseXref(pdf)
	if err != nil {
		return fmt.Errorf("compress PDF: %w", err)
	}
	cw := &countWriter{w: w}
	if _, err := cw.Write(pdf[:offs[0]]); err != nil {
		return err
	}
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, pdfContentLevel)
	if err != nil {
		return err
	}
	newOffs := make([]int64, len(offs))
	for i, off := range offs {
		end := xrefAt
		if i+1 < len(offs) {
			end = offs[i+1]
		}
		newOffs[i] = cw.n
		if err := writeObject(cw, pdf[off:end], i+1, zw, &z); err != nil {
			return err
		}
	}
	xref := cw.n
	fmt.Fprintf(cw, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range newOffs {
		fmt.Fprintf(cw, "%010d 00000 n \n", o)
	}
	if _, err := cw.Write(trailer); err != nil {
		return err
	}
	_, err = fmt.Fprintf(cw, "startxref\n%d\n%%%%EOF\n", xref)
	return err
}

// writeObject copies object id (its text from "id 0 obj"), compressing
// its stream when it is an uncompressed content stream.
func writeObject(w io.Writer, obj []byte, id int, zw *zlib.Writer, z *bytes.Buffer) error {
	data, rest, ok := plainStream(obj, id)
	if !ok {
		_, err := w.Write(obj)
		return err
	}
	z.Reset()
	zw.Reset(z)
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "%d 0 obj\n<<\n/Filter/FlateDecode/Length %d\n>>\nstream\n", id, z.Len()); err != nil {
		return err
	}
	if _, err := w.Write(z.Bytes()); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return err
	}
	_, err := w.Write(rest)
	return err
}

// plainStream splits an object of exactly the form
// "id 0 obj\n<<\n/Length N\n>>\nstream\n" + N bytes + "endstream\n…" into
// the stream's bytes and what follows them.
func plainStream(obj []byte, id int) (data, rest []byte, ok bool) {
	head := strconv.Itoa(id) + " 0 obj\n<<\n/Length "
	if !bytes.HasPrefix(obj, []byte(head)) {
		return nil, nil, false
	}
	s := obj[len(head):]
	nl := bytes.IndexByte(s, '\n')
	if nl <= 0 {
		return nil, nil, false
	}
	n, err := strconv.Atoi(string(s[:nl]))
	s = s[nl:]
	const open = "\n>>\nstream\n"
	if err != nil || n < 0 || !bytes.HasPrefix(s, []byte(open)) || len(s) < len(open)+n {
		return nil, nil, false
	}
	s = s[len(open):]
	if !bytes.HasPrefix(s[n:], []byte("endstream\n")) {
		return nil, nil, false
	}
	return s[:n], s[n:], true
}

// parseXref reads the classic cross-reference table gopdf writes last:
// the objects' offsets (in order, each after the one before), where the
// table starts, and the trailer dictionary after it.
func parseXref(pdf []byte) (offs []int64, xrefAt int64, trailer []byte, err error) {
	i := bytes.LastIndex(pdf, []byte("startxref\n"))
	if i < 0 {
		return nil, 0, nil, fmt.Errorf("no startxref")
	}
	tail := pdf[i+len("startxref\n"):]
	nl := bytes.IndexByte(tail, '\n')
	if nl < 0 {
		return nil, 0, nil, fmt.Errorf("no startxref offset")
	}
	xrefAt, err = strconv.ParseInt(string(tail[:nl]), 10, 64)
	if err != nil || xrefAt <= 0 || xrefAt >= int64(i) {
		return nil, 0, nil, fmt.Errorf("bad startxref offset")
	}
	x := pdf[xrefAt:i]
	var count int
	if _, err := fmt.Sscanf(string(x[:min(len(x), 32)]), "xref\n0 %d\n", &count); err != nil || count < 2 {
		return nil, 0, nil, fmt.Errorf("bad xref header")
	}
	body := x[bytes.IndexByte(x[5:], '\n')+6:] // after "xref\n0 N\n"
	const entry = 20
	if len(body) < count*entry {
		return nil, 0, nil, fmt.Errorf("short xref table")
	}
	offs = make([]int64, count-1)
	prev := int64(-1)
	for k := 1; k < count; k++ {
		e := body[k*entry : (k+1)*entry]
		o, err := strconv.ParseInt(string(e[:10]), 10, 64)
		if err != nil || e[17] != 'n' || o <= prev || o >= xrefAt {
			return nil, 0, nil, fmt.Errorf("xref entry %d", k)
		}
		offs[k-1], prev = o, o
	}
	return offs, xrefAt, body[count*entry:], nil
}

// countWriter counts what passes through it, for the new offsets.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
