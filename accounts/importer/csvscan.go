package importer

import (
	"fmt"
	"io"
	"strings"
)

// csvScanner splits RFC 4180 CSV into records and knows the physical line
// each record starts on, which encoding/csv cannot tell for an unterminated
// quote. Records end at LF or CRLF; quoted fields may hold the delimiter,
// doubled quotes and line breaks (CRLF inside them becomes LF); empty lines
// are skipped. Quoting is strict: a stray quote is an error, because a
// lenient reader would silently shift passwords into the wrong column.
type csvScanner struct {
	s      string
	pos    int
	line   int // physical line at pos
	comma  byte
	fields []string
	buf    strings.Builder
}

// csvError is a quoting error at a physical line.
type csvError struct {
	line int
	msg  string
}

func (e *csvError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func newCSVScanner(s string) *csvScanner {
	return &csvScanner{s: s, line: 1, comma: sniffComma(s)}
}

// sniffComma picks the delimiter: a comma, unless the first line has none
// but has tabs or semicolons (spreadsheets saved with other settings).
func sniffComma(s string) byte {
	first, _, _ := strings.Cut(s, "\n")
	switch {
	case strings.Contains(first, ","):
		return ','
	case strings.Contains(first, "\t"):
		return '\t'
	case strings.Contains(first, ";"):
		return ';'
	}
	return ','
}

// next returns the next record and the line it starts on, or io.EOF. The
// returned slice is reused by the following call.
func (c *csvScanner) next() ([]string, int, error) {
	for c.pos < len(c.s) {
		switch {
		case c.s[c.pos] == '\n':
			c.pos++
			c.line++
			continue
		case strings.HasPrefix(c.s[c.pos:], "\r\n"):
			c.pos += 2
			c.line++
			continue
		}
		break
	}
	if c.pos >= len(c.s) {
		return nil, 0, io.EOF
	}
	start := c.line
	c.fields = c.fields[:0]
	for {
		var f string
		var err error
		if c.s[c.pos:] != "" && c.s[c.pos] == '"' {
			f, err = c.quoted(len(c.fields) + 1)
		} else {
			f, err = c.unquoted(len(c.fields) + 1)
		}
		if err != nil {
			return nil, start, err
		}
		c.fields = append(c.fields, f)
		rest := c.s[c.pos:]
		switch {
		case rest == "" || rest == "\r":
			c.pos = len(c.s)
			return c.fields, start, nil
		case rest[0] == c.comma:
			c.pos++
		case rest[0] == '\n':
			c.pos++
			c.line++
			return c.fields, start, nil
		case strings.HasPrefix(rest, "\r\n"):
			c.pos += 2
			c.line++
			return c.fields, start, nil
		default:
			return nil, start, &csvError{c.line, fmt.Sprintf(
				"unexpected %q after the closing quote of field %d (a quote inside a quoted field must be doubled)", rest[0], len(c.fields))}
		}
	}
}

// unquoted reads a field up to the delimiter or the end of the line.
func (c *csvScanner) unquoted(n int) (string, error) {
	i := c.pos
	for i < len(c.s) {
		ch := c.s[i]
		if ch == c.comma || ch == '\n' || (ch == '\r' && (i+1 == len(c.s) || c.s[i+1] == '\n')) {
			break
		}
		if ch == '"' {
			return "", &csvError{c.line, fmt.Sprintf(
				"a quote inside unquoted field %d (fields containing quotes must be quoted as a whole)", n)}
		}
		i++
	}
	f := c.s[c.pos:i]
	c.pos = i
	return f, nil
}

// quoted reads a quoted field; c.pos is at its opening quote.
func (c *csvScanner) quoted(n int) (string, error) {
	open := c.line
	i := c.pos + 1
	c.buf.Reset()
	plain := true // no doubled quotes or CRLF: the field is a substring
	from := i
	for {
		j := strings.IndexAny(c.s[i:], "\"\n")
		if j < 0 {
			return "", &csvError{open, fmt.Sprintf(
				"unterminated quoted field %d (its opening quote is never closed before the end of the file)", n)}
		}
		i += j
		if c.s[i] == '\n' {
			c.line++
			if i > from && c.s[i-1] == '\r' {
				plain = false
				c.buf.WriteString(c.s[from : i-1])
				c.buf.WriteByte('\n')
				from = i + 1
			}
			i++
			continue
		}
		// A quote: doubled means a literal quote, single closes the field.
		if i+1 < len(c.s) && c.s[i+1] == '"' {
			plain = false
			c.buf.WriteString(c.s[from : i+1])
			i += 2
			from = i
			continue
		}
		c.pos = i + 1
		if plain {
			return c.s[from:i], nil
		}
		c.buf.WriteString(c.s[from:i])
		return c.buf.String(), nil
	}
}
