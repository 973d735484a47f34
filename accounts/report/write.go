package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/unbindapp/unbind/accounts"
	"github.com/unbindapp/unbind/accounts/atomicfile"
)

// Format is an output format of the report.
type Format string

// The formats.
const (
	HTML Format = "html"
	PDF  Format = "pdf"
	CSV  Format = "csv"
	JSON Format = "json"
)

// Formats lists every format.
var Formats = []Format{HTML, PDF, CSV, JSON}

// ParseFormat turns "html", "PDF", … into a Format.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Formats {
		if f == known {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown report format %q (one of: html, pdf, csv, json): %w", s, accounts.ErrInvalid)
}

// FormatOf guesses the format from a file name's extension (".htm" too).
func FormatOf(path string) (Format, bool) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if ext == "htm" {
		ext = "html"
	}
	f, err := ParseFormat(ext)
	return f, err == nil
}

// Write renders r in format f to w.
func Write(w io.Writer, r *Report, f Format) error {
	var err error
	switch f {
	case HTML:
		err = writeHTML(w, r)
	case PDF:
		err = writePDF(w, r)
	case CSV:
		err = writeCSV(w, r)
	case JSON:
		err = writeJSON(w, r)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return fmt.Errorf("write %s report: %w", f, err)
	}
	return nil
}

// WriteFile writes r to path atomically: into a temporary file (mode 0600)
// in the same folder, synced, then renamed over path. A failed write leaves
// any earlier file at path untouched and no temporary file behind. A CSV
// report's digest goes beside it into path+".sha256", in sha256sum's
// format ("<hex>  <name>"), so `sha256sum -c` checks it as well as
// `unbindctl report verify`.
func WriteFile(path string, r *Report, f Format) error {
	h := sha256.New()
	err := atomicfile.Write(path, func(w io.Writer) error {
		if f == CSV {
			w = io.MultiWriter(w, h)
		}
		return Write(w, r, f)
	})
	if err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if f != CSV {
		return nil
	}
	line := hex.EncodeToString(h.Sum(nil)) + "  " + filepath.Base(path) + "\n"
	if err := atomicfile.WriteBytes(DigestFile(path), []byte(line)); err != nil {
		return fmt.Errorf("write report digest %s: %w", DigestFile(path), err)
	}
	return nil
}

// DigestFile is where a CSV report's digest is kept: beside it, with
// ".sha256" added to its name.
func DigestFile(csvPath string) string { return csvPath + ".sha256" }
