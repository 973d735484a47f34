package importer

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Limits, so a wrong file (a disk image, a log) fails fast and clearly.
const (
	DefaultMaxBytes   = 50 << 20 // 50 MiB
	DefaultMaxEntries = 200_000
)

// Options tune Read. The zero value detects the format with the default
// limits.
type Options struct {
	// Format is the format to read, or "" / FormatAuto to detect it.
	Format Format
	// MaxBytes and MaxEntries override the limits when > 0.
	MaxBytes   int64
	MaxEntries int
}

// Result is what Read found in an export.
type Result struct {
	// Format is the format read (the detected one with FormatAuto).
	Format Format
	// Entries are the logins, in file order.
	Entries []Entry
	// Skipped counts records that are not logins: secure notes, cards,
	// identities, rows with no URL, login or password, Firefox's own
	// account entry.
	Skipped int
	// Notices are things the person should be told, e.g. that the file was
	// converted from GB18030, in English; Notes are the same for a GUI to
	// word in the person's language.
	Notices []string
	Notes   []Notice
}

// NoticeKind says what a notice is about.
type NoticeKind string

// The notices of a read.
const (
	NoticeUTF16    NoticeKind = "utf16"
	NoticeGB18030  NoticeKind = "gb18030"
	NoticeNoLogins NoticeKind = "no_logins"
	NoticeSkipped  NoticeKind = "skipped"
)

// Notice is one thing to tell the person about a read; N is the count of
// NoticeSkipped.
type Notice struct {
	Kind NoticeKind `json:"kind"`
	N    int        `json:"n,omitempty"`
}

// String is the notice in English.
func (n Notice) String() string {
	switch n.Kind {
	case NoticeUTF16:
		return "the file was UTF-16 text; it was converted to UTF-8 for reading (the file itself is unchanged)"
	case NoticeGB18030:
		return "the file was saved as GBK/GB18030 (Excel on Chinese Windows does this); " +
			"it was converted to UTF-8 for reading (the file itself is unchanged)"
	case NoticeNoLogins:
		return "the export has no logins"
	case NoticeSkipped:
		if n.N == 1 {
			return "1 record that is not a login (a note, card or empty row) was skipped"
		}
		return fmt.Sprintf("%d records that are not logins (notes, cards, empty rows) were skipped", n.N)
	}
	return string(n.Kind)
}

func (r *Result) notice(n Notice) {
	r.Notes = append(r.Notes, n)
	r.Notices = append(r.Notices, n.String())
}

// Parse reads an export in format (FormatAuto or "" to detect it) with the
// default limits and returns its logins and the format read. Use Read to
// also get the notices and the number of skipped records.
func Parse(r io.Reader, format Format) ([]Entry, Format, error) {
	res, err := Read(r, Options{Format: format})
	return res.Entries, res.Format, err
}

// Read reads a whole export from r. It never writes anything; the export
// is only read.
func Read(r io.Reader, opts Options) (Result, error) {
	format, err := ParseFormat(string(opts.Format))
	if err != nil {
		return Result{}, err
	}
	maxBytes := opts.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if opts.MaxEntries <= 0 {
		opts.MaxEntries = DefaultMaxEntries
	}
	data, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return Result{}, fmt.Errorf("import: read: %w", err)
	}
	if int64(len(data)) > maxBytes {
		return Result{}, newError(ErrTooLarge, format, 0,
			"the file is larger than %s, far more than any password export; check that you chose the export file", sizeText(maxBytes))
	}
	if err := checkMagic(data, format); err != nil {
		return Result{}, err
	}
	text, notice, err := decodeText(data, format)
	if err != nil {
		return Result{}, err
	}
	var res Result
	if notice != "" {
		res.notice(Notice{Kind: notice})
	}
	if strings.TrimSpace(text) == "" {
		return res, newError(ErrUnknownFormat, format, 0, "the file is empty")
	}
	p := parser{format: format, maxEntries: opts.MaxEntries, res: &res}
	if format == FormatBitwardenJSON || (format == FormatAuto && looksLikeJSON(text)) {
		p.detected = p.format == FormatAuto
		p.format = FormatBitwardenJSON
		err = p.bitwardenJSON(text)
	} else {
		err = p.csv(text)
	}
	if err != nil {
		return Result{Notices: res.Notices, Notes: res.Notes}, err
	}
	res.Format = p.format
	if len(res.Entries) == 0 {
		res.notice(Notice{Kind: NoticeNoLogins})
	}
	if res.Skipped > 0 {
		res.notice(Notice{Kind: NoticeSkipped, N: res.Skipped})
	}
	return res, nil
}

// parser holds the state shared by the format readers.
type parser struct {
	format     Format
	maxEntries int
	detected   bool // the format was detected, not named
	res        *Result
}

// add appends e unless it carries nothing to import.
func (p *parser) add(e Entry) error {
	e.finish()
	if e.URL == "" && e.Login == "" && e.Password == "" {
		p.res.Skipped++
		return nil
	}
	if len(p.res.Entries) >= p.maxEntries {
		return newError(ErrTooLarge, p.format, e.Line,
			"more than %d entries; split the export into smaller files", p.maxEntries)
	}
	p.res.Entries = append(p.res.Entries, e)
	return nil
}

func looksLikeJSON(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n")
	return strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")
}

// checkMagic recognises files that are not exports but are often picked by
// mistake, and says what to do instead.
func checkMagic(data []byte, f Format) error {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return newError(ErrUnknownFormat, f, 0, "this is a ZIP archive (Safari's export .zip or a 1Password .1pux?), "+
			"not a CSV or JSON export; unzip it and choose the passwords .csv inside, or export again as CSV")
	case bytes.HasPrefix(data, []byte("\x03\xd9\xa2\x9a")):
		return newError(ErrUnknownFormat, f, 0, "this is a KeePass database (.kdbx), not an export; "+
			"in KeePassXC use Database > Export > CSV File")
	case bytes.HasPrefix(data, []byte("SQLite format 3\x00")):
		return newError(ErrUnknownFormat, f, 0, "this is a browser's SQLite database, not an export; "+
			"export the passwords from the browser's password settings as CSV")
	}
	return nil
}

func sizeText(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// lineAt returns the 1-based line of byte offset off in s.
// lineCounter numbers lines at increasing offsets, counting each byte
// once: lineAt in a loop over items counted from the file's start every
// time, minutes for a few MB of Bitwarden JSON.
type lineCounter struct {
	s         string
	off, line int
}

func newLineCounter(s string) *lineCounter { return &lineCounter{s: s, line: 1} }

// at returns the line of offset off; offsets that go back start over.
func (c *lineCounter) at(off int) int {
	off = min(max(off, 0), len(c.s))
	if off < c.off {
		c.off, c.line = 0, 1
	}
	c.line += strings.Count(c.s[c.off:off], "\n")
	c.off = off
	return c.line
}

func lineAt(s string, off int) int {
	off = min(max(off, 0), len(s))
	return 1 + strings.Count(s[:off], "\n")
}
