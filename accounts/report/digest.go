package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
)

// The SHA-256 footer. Every format states a digest so a printed or mailed
// copy can be checked; what it covers (the "body") differs:
//
//   - CSV: every byte of the file, stated in FILE.sha256 beside it (a
//     spreadsheet would read a footer as a row); VerifyFile checks it.
//     CSV reports of earlier versions end in a "#sha256,…" record instead,
//     which Verify still checks.
//   - HTML, JSON: every byte of the file before the last occurrence of
//     the format's footer marker (htmlMarker, jsonMarker); the
//     bytes after it must be exactly the footer Unbind writes (footers), so
//     nothing can be appended unnoticed. Verify checks these from the file
//     alone. A match proves the file is unchanged since it was written, not
//     who wrote it: anyone can write a file with a matching footer.
//   - PDF: the body of the JSON format of the same Report (BodyDigest). A
//     PDF's pages cannot carry a hash of the PDF's own bytes, so its
//     digest equals that of a JSON file written from the same Report
//     value (e.g. unbindctl report -o r.pdf -o r.json).
const (
	htmlMarker = "<!--unbind:sha256-->"
	csvMarker  = "#sha256,"
	jsonMarker = `"sha256": "`
)

// Errors of Verify.
var (
	ErrNoFooter      = errors.New("no Unbind report footer found")
	ErrMismatch      = errors.New("SHA-256 does not match: the file was changed after it was written")
	ErrUnverifiable  = errors.New("a PDF report's digest covers the report data, not the file: check the JSON report written with it")
	errUnknownLayout = errors.New("not an Unbind HTML, CSV or JSON report")
)

// footers are the exact tails each format writes after its last marker:
// the digest and the closing bytes, and nothing else. Anything appended
// after the footer fails verification, so the digest vouches for every
// byte of the file.
var footers = map[Format]*regexp.Regexp{
	JSON: regexp.MustCompile(`\A([0-9a-f]{64})"\n}\n\z`),
	CSV:  regexp.MustCompile(`\A([0-9a-f]{64}),*\r\n\z`),
	HTML: regexp.MustCompile(`\A\n<footer class="digest">[^<>]{0,200}: <code>([0-9a-f]{64})</code></footer>\n</body>\n</html>\n\z`),
}

func digest(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// Verification is the outcome of Verify.
type Verification struct {
	Format Format
	Stated string // the digest in the footer
	Actual string // the digest of the body
}

// Verify checks the SHA-256 footer of a written report. It returns the
// format, the stated and the actual digest, and an error wrapping
// ErrMismatch when they differ (or ErrNoFooter, ErrUnverifiable).
func Verify(data []byte) (Verification, error) {
	var v Verification
	var marker string
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		v.Format = PDF
		return v, ErrUnverifiable
	case bytes.HasPrefix(data, []byte(bom)):
		v.Format, marker = CSV, csvMarker
	case bytes.HasPrefix(data, []byte("{")):
		v.Format, marker = JSON, jsonMarker
	case bytes.HasPrefix(data, []byte("<!DOCTYPE html>")):
		v.Format, marker = HTML, htmlMarker
	default:
		return v, errUnknownLayout
	}
	i := bytes.LastIndex(data, []byte(marker))
	if i < 0 && v.Format == CSV {
		return v, fmt.Errorf("CSV report: its digest is in the .sha256 file beside it (verify the file by its name): %w", ErrNoFooter)
	}
	if i < 0 {
		return v, fmt.Errorf("%s report: %w", v.Format, ErrNoFooter)
	}
	m := footers[v.Format].FindSubmatch(data[i+len(marker):])
	if m == nil {
		if bytes.Contains(data[i+len(marker):], []byte(marker[:len(marker)-1])) || len(data)-i > 1024 {
			return v, fmt.Errorf("%s report: content follows the digest footer: %w", v.Format, ErrMismatch)
		}
		return v, fmt.Errorf("%s report: the footer is not as Unbind writes it (content added or removed after the digest): %w", v.Format, ErrMismatch)
	}
	v.Stated, v.Actual = string(m[1]), digest(data[:i])
	if v.Stated != v.Actual {
		return v, fmt.Errorf("%s report: stated %s, actual %s: %w", v.Format, v.Stated, v.Actual, ErrMismatch)
	}
	return v, nil
}

// VerifyFile checks the report at path: a CSV report against the digest
// in its DigestFile, any other by Verify.
func VerifyFile(path string) (Verification, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Verification{}, err
	}
	if !bytes.HasPrefix(data, []byte(bom)) || bytes.Contains(data, []byte("\r\n"+csvMarker)) {
		return Verify(data)
	}
	v := Verification{Format: CSV, Actual: digest(data)}
	side, err := os.ReadFile(DigestFile(path))
	if err != nil {
		return v, fmt.Errorf("CSV report: read its digest file: %w: %w", err, ErrNoFooter)
	}
	m := sidecarLine.FindSubmatch(side)
	if m == nil {
		return v, fmt.Errorf("CSV report: %s is not a digest line as Unbind writes it: %w", filepath.Base(DigestFile(path)), ErrMismatch)
	}
	v.Stated = string(m[1])
	if v.Stated != v.Actual {
		return v, fmt.Errorf("CSV report: stated %s, actual %s: %w", v.Stated, v.Actual, ErrMismatch)
	}
	return v, nil
}

// sidecarLine is the one line of a CSV report's digest file.
var sidecarLine = regexp.MustCompile(`\A([0-9a-f]{64})  [^\n]{1,1000}\n\z`)

// jsonBody is the JSON format's body: the report encoded with two-space
// indentation and no HTML escaping, its closing "\n}" replaced by ",\n  "
// so the footer member "sha256" follows as the last member.
func jsonBody(r *Report) ([]byte, error) {
	// Compact first, then json.Indent, which sizes its buffer from the
	// input once: the same bytes as an indenting Encoder, which instead
	// grows its buffer step by step (a third of a large PDF's
	// allocations).
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, compact.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	b = bytes.TrimSuffix(b, []byte("\n}\n"))
	return append(b, ",\n  "...), nil
}

// BodyDigest is the SHA-256 (hex) of r's JSON body: the digest a JSON file
// of r states, and the one its PDF pages show.
func BodyDigest(r *Report) (string, error) {
	h, err := bodyHash(r)
	if err != nil {
		return "", fmt.Errorf("report digest: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func writeJSON(w io.Writer, r *Report) error {
	h := sha256.New()
	if err := writeJSONBody(io.MultiWriter(w, h), r); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%s%s\"\n}\n", jsonMarker, hex.EncodeToString(h.Sum(nil)))
	return err
}
