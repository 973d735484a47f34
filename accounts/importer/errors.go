package importer

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, for errors.Is. Every error Read returns is one line of
// text starting with "import:".
var (
	// ErrUnknownFormat: the file is none of the supported exports (or is
	// empty, or is an archive or database rather than an export).
	ErrUnknownFormat = errors.New("not a recognised export")
	// ErrMissingColumn: the header row lacks a column the format needs.
	ErrMissingColumn = errors.New("missing column")
	// ErrSyntax: broken CSV quoting, a wrong field count, invalid JSON.
	ErrSyntax = errors.New("malformed export")
	// ErrEncoding: the bytes are not text in an encoding we can read.
	ErrEncoding = errors.New("unsupported text encoding")
	// ErrEncrypted: an encrypted or password-protected export.
	ErrEncrypted = errors.New("encrypted export")
	// ErrTooLarge: the file or its number of entries is over the limit.
	ErrTooLarge = errors.New("export too large")
)

// Error is what Read returns for bad input: the format (when known), the
// line it applies to (0 when none does) and what is wrong, as one line.
// errors.Is(err, ErrX) works through Unwrap.
type Error struct {
	Format Format // the format being read; "" before it is known
	Line   int    // the physical line, 1-based; 0 when no line applies
	Msg    string // what is wrong and what to do, one line
	Kind   error  // one of the sentinel errors
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("import: ")
	if e.Format != "" && e.Format != FormatAuto {
		b.WriteString(string(e.Format))
		b.WriteByte(' ')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error { return e.Kind }

func newError(kind error, f Format, line int, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	// Keep the promise of one line, whatever a message quotes.
	msg = strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(msg)
	return &Error{Format: f, Line: line, Msg: msg, Kind: kind}
}
